-- a service's first migration, applied before the service used llm-support (LibraryMigrationUpgradeTest)
create table tracked_thing (id uuid primary key);
