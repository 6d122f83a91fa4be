-- civicgrid schema v51 (issue 20), SQLite only (db/sqlite is not a location of the hub on PostgreSQL): the keyword
-- search of the case list (关键字: number, description, address) as an FTS5 index of trigrams, so a search of three
-- or more characters reads the index instead of every case (a LIKE '%…%' reads all 1,000,000). The trigram
-- tokenizer finds any substring of three or more characters, Chinese included (no word segmentation needed), case
-- insensitive like LIKE; shorter searches keep the LIKE (CaseQueries). External content: the text stays in case_file,
-- the index holds only the trigrams; the triggers keep it in step with every insert, text change and delete.
CREATE VIRTUAL TABLE case_search USING fts5(case_number, description, address, content='case_file', content_rowid='id',
  tokenize='trigram');
INSERT INTO case_search (case_search) VALUES ('rebuild');
CREATE TRIGGER case_search_insert AFTER INSERT ON case_file BEGIN
  INSERT INTO case_search (rowid, case_number, description, address) VALUES (new.id, new.case_number, new.description, new.address);
END;
CREATE TRIGGER case_search_delete AFTER DELETE ON case_file BEGIN
  INSERT INTO case_search (case_search, rowid, case_number, description, address)
    VALUES ('delete', old.id, old.case_number, old.description, old.address);
END;
-- Hibernate writes every column on update: only a change of the searched text touches the index
CREATE TRIGGER case_search_update AFTER UPDATE OF case_number, description, address ON case_file
  WHEN old.case_number IS NOT new.case_number OR old.description IS NOT new.description OR old.address IS NOT new.address
BEGIN
  INSERT INTO case_search (case_search, rowid, case_number, description, address)
    VALUES ('delete', old.id, old.case_number, old.description, old.address);
  INSERT INTO case_search (rowid, case_number, description, address) VALUES (new.id, new.case_number, new.description, new.address);
END;
