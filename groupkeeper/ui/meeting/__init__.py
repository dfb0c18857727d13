"""The guided meeting runner: header (timer, arrival, safety), agenda rail, one widget per
segment kind, and the dialogs it opens. ``runner.MeetingRunner`` is the screen."""
