-- hub: the client certificate a site must present when the hub runs with mutual TLS (SHA-256 of its DER encoding, 64
-- lower-case hex digits; null: none registered). One certificate belongs to one site at most.
ALTER TABLE hub_site ADD COLUMN cert_sha256 VARCHAR(64);
CREATE UNIQUE INDEX hub_site_cert ON hub_site (cert_sha256);
