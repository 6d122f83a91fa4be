-- 视频片段 (issue 19): an alert's evidence is a snapshot (fetched as a photo of the case) or a clip (video, e.g.
-- Frigate's /api/events/<id>/clip.mp4) whose link the case keeps.
ALTER TABLE alert_evidence ADD COLUMN kind VARCHAR(8) NOT NULL DEFAULT 'SNAPSHOT';
