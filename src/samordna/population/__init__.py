"""Population from the files the förbund downloads: SCB's population per municipality and
finsam.se's försörjningsmått, each stored with its source and reference date."""
