import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Runs SQL statements in an in-memory DuckDB (through its JDBC driver) on a given number of
 * threads, printing each statement's own time on stderr: {@code java -cp duckdb_jdbc.jar
 * DuckDb.java THREADS SQL...}. The peer of {@code parquet_vs_duckdb.sh}.
 */
public class DuckDb {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads=" + Integer.parseInt(args[0]));
            for (int i = 1; i < args.length; i++) {
                long t0 = System.nanoTime();
                s.execute(args[i]);
                System.err.printf("duckdb: %.3f s in the query%n", (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
