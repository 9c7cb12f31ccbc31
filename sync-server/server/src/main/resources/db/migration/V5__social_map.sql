-- The sociale kaart: activities and organisations per wijk, the same for every laptop.
CREATE TABLE social_map_entry (
    id    VARCHAR(36) PRIMARY KEY,
    body  TEXT NOT NULL
);
