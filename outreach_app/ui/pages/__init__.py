"""One module per page of the main window; each loads its data off the GUI thread."""
