package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;

/** Prepared statements kept per connection: reused, never shared, never stale. */
class StatementCacheTest {

    private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);
    private static final WorklistFilter JUNE_2_MR = new WorklistFilter(JUNE_2, JUNE_2, null,
            "MR", null, EnumSet.of(ProcedureStepStatus.SCHEDULED), 0);

    @TempDir
    Path dir;

    private Database db;
    private SqliteWorklistRepository repository;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("worklist.db"));
        repository = new SqliteWorklistRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReleasedStatementIsTheOneTheNextTakeGets() {
        PreparedStatement[] seen = new PreparedStatement[3];

        db.read(c -> {
            StatementCache cache = db.statements(c);
            seen[0] = cache.take("SELECT 1");
            seen[1] = cache.take("SELECT 1");
            cache.release("SELECT 1", seen[0]);
            seen[2] = cache.take("SELECT 1");
            cache.release("SELECT 1", seen[2]);
            cache.release("SELECT 1", seen[1]);
            return null;
        });

        assertThat(seen[1]).as("taken while the first was in use").isNotSameAs(seen[0]);
        assertThat(seen[2]).isSameAs(seen[0]);
    }

    @Test
    void theLeastRecentlyUsedStatementIsClosedBeyondTheLimit() throws Exception {
        List<PreparedStatement> statements = new ArrayList<>();

        db.read(c -> {
            StatementCache cache = db.statements(c);
            for (int i = 0; i <= StatementCache.MAX_STATEMENTS; i++) {
                PreparedStatement s = cache.take("SELECT " + i);
                statements.add(s);
                cache.release("SELECT " + i, s);
            }
            assertThat(cache.size()).isEqualTo(StatementCache.MAX_STATEMENTS);
            return null;
        });

        assertThat(statements.get(0).isClosed()).isTrue();
        assertThat(statements.get(1).isClosed()).isFalse();
    }

    @Test
    void closingTheDatabaseClosesTheKeptStatements() throws Exception {
        PreparedStatement kept = db.read(c -> {
            PreparedStatement s = db.statements(c).take("SELECT 1");
            db.statements(c).release("SELECT 1", s);
            return s;
        });

        db.close();

        assertThat(kept.isClosed()).isTrue();
    }

    @Test
    void aScanAfterAWriteSeesTheNewRowThroughTheKeptStatement() {
        repository.insert(row("SPS1"));
        assertThat(spsIds(JUNE_2_MR)).containsExactly("SPS1");

        repository.insert(row("SPS2"));

        assertThat(spsIds(JUNE_2_MR)).containsExactly("SPS1", "SPS2");
    }

    @Test
    void aKeptStatementHoldsNoReadTransactionThatWouldBlockACheckpoint() throws Exception {
        repository.insert(row("SPS1"));
        assertThat(spsIds(JUNE_2_MR)).containsExactly("SPS1");
        repository.insert(row("SPS2"));

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.file());
                Statement pragma = other.createStatement();
                ResultSet result = pragma.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).as("checkpoint blocked by a reader").isZero();
        }
    }

    @Test
    void theSameQueryInsideAScanGetsAnAnswerOfItsOwn() {
        repository.insert(row("SPS1"));
        repository.insert(row("SPS2"));
        List<String> inner = new ArrayList<>();

        List<String> outer = new ArrayList<>();
        repository.scan(JUNE_2_MR, item -> {
            outer.add(item.spsId());
            inner.addAll(spsIds(JUNE_2_MR));
            return true;
        });

        assertThat(outer).containsExactly("SPS1", "SPS2");
        assertThat(inner).containsExactly("SPS1", "SPS2", "SPS1", "SPS2");
    }

    @Test
    void aScanInsideAWriteTransactionSeesItsOwnRows() {
        List<String> seen = db.inTransaction(c -> {
            repository.insert(row("SPS1"));
            List<String> first = spsIds(JUNE_2_MR);
            repository.insert(row("SPS2"));
            first.addAll(spsIds(JUNE_2_MR));
            return first;
        });

        assertThat(seen).containsExactly("SPS1", "SPS1", "SPS2");
    }

    private List<String> spsIds(WorklistFilter filter) {
        List<String> ids = new ArrayList<>();
        repository.scan(filter, item -> ids.add(item.spsId()));
        return ids;
    }

    private static WorklistItem row(String spsId) {
        return TestItems.full().toBuilder().spsId(spsId).sourceKey(spsId)
                .scheduledStartDate(JUNE_2).build();
    }
}
