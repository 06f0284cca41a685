package io.github.skycut.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB (through its JDBC driver), the independent writer and reader of the Parquet tests. */
final class DuckDb {

    private DuckDb() {
    }

    /** Runs each statement, in one in-memory database on 2 threads. */
    static void run(String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            for (String q : statements) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of {@code query}, each cell as DuckDB writes it as text (null as "NULL"). */
    static List<List<String>> rows(String query) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            int n = r.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (r.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    String v = r.getString(i);
                    row.add(v == null ? "NULL" : v);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first two columns of {@code query}, as doubles: RA and Dec. */
    static double[][] positions(String query) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            List<double[]> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(new double[] {r.getDouble(1), r.getDouble(2)});
            }
            double[][] out = new double[2][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                out[0][i] = rows.get(i)[0];
                out[1][i] = rows.get(i)[1];
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one value of {@code query}. */
    static String value(String query) {
        return rows(query).getFirst().getFirst();
    }
}
