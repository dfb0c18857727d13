"""One widget per agenda segment kind; ``widget_for`` picks the right one."""
