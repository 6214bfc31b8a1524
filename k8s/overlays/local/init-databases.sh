#!/bin/sh
# Runs once, when the PostgreSQL data volume is first initialised (postgres image's
# /docker-entrypoint-initdb.d): the apps' role and one database per app.
# REPLICATION: each service's outbox relay streams its own logical replication slot.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v pw="$JOBSEARCH_DB_PASSWORD" <<'SQL'
create role jobsearch login replication password :'pw';
create database discovery owner jobsearch;
create database resume owner jobsearch;
create database tracker owner jobsearch;
create database prep owner jobsearch;
create database gateway owner jobsearch;
SQL
