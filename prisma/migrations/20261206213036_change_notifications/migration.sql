-- Every app server keeps rendered public pages in memory (server/page-cache.ts) and drops a page
-- as soon as a table it read changes. The database says what changed, whoever wrote it (a
-- command on any server, the job worker, a script): a statement on a watched table notifies the
-- channel "puente_changes" with the table's name, delivered to every listener only on commit
-- (PostgreSQL also folds identical notifications of one transaction into one).
CREATE FUNCTION puente_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('puente_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- Called once per watched table, here and in the migration that adds a table.
-- tests/integration/change-notifications.test.ts fails while a table is neither watched nor
-- listed there as unwatched.
CREATE FUNCTION puente_watch_table(table_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'CREATE TRIGGER puente_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION puente_announce_change()',
    table_name
  );
END
$$;

-- Every table but those no public page reads and that change on nearly every request or job
-- (sessions' last use, rate counters, mail queues, tokens, archives, private notices).
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public'
      AND tablename NOT IN ('_prisma_migrations', 'AuthSession', 'RateLimitCounter', 'EmailDelivery', 'OutboxEmail',
        'NotificationEmail', 'Notification', 'PasswordResetToken', 'NominationToken', 'AccountArchive', 'EmailPreference', 'ApiKey')
  LOOP
    PERFORM puente_watch_table(t);
  END LOOP;
END
$$;
