"""Analysis: from window features to decided windows and a decided track (the judge), for the
batch worker and for live recording alike."""
