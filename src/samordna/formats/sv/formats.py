"""Dates in forms: ÅÅÅÅ-MM-DD as the app prints them, or ÅÅÅÅMMDD; never Django's US-style
MM/DD/YYYY, which a Swedish reader would take for DD/MM."""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y%m%d"]
