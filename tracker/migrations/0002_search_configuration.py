from django.db import migrations

from tracker.migration_operations import RunSQLOnPostgreSQL

# `simple` (every word as it is, lower-cased), with accents removed first: the words of `tracker.search`.
CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'tracker_search') THEN
        CREATE TEXT SEARCH CONFIGURATION tracker_search (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION tracker_search
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
    END IF;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial")]

    operations = [RunSQLOnPostgreSQL(CREATE, "DROP TEXT SEARCH CONFIGURATION IF EXISTS tracker_search;")]
