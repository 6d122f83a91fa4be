-- civicgrid schema v42 (issue 19, 录像回放): an ONVIF camera with recordings (Profile G) gives a case raised from it a
-- replay link (evidence kind REPLAY, the RTSP URI from GetReplayUri) for the time window around the alert; the window
-- is kept beside the link (the RTSP PLAY Range a player asks for). Other evidence leaves both empty.
ALTER TABLE alert_evidence ADD COLUMN window_from TIMESTAMP;
ALTER TABLE alert_evidence ADD COLUMN window_to TIMESTAMP;
