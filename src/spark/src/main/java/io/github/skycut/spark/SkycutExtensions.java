package io.github.skycut.spark;

import io.github.skycut.Angle;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.types.DataTypes;
import scala.Function1;
import scala.Tuple3;
import scala.collection.immutable.Seq;
import scala.runtime.BoxedUnit;

/**
 * Registers the SQL function {@code skycut_near(ra, dec, 'contaminants path', 'radius')} in every
 * session that names this class in {@code spark.sql.extensions}:
 *
 * <pre>
 * spark-submit --jars skycut-spark.jar --conf spark.sql.extensions=io.github.skycut.spark.SkycutExtensions ...
 * SELECT * FROM objects WHERE NOT skycut_near(ra, dec, '/data/bright_stars.parquet', '1arcmin')
 * </pre>
 *
 * The contaminants path is anything Spark reads by name ({@code .parquet}, {@code .csv} with a header,
 * a directory of part files); their RA/Dec columns are found as {@code skycut cut} finds them. They are
 * read on the driver when the query is analysed, broadcast, and prepared once per executor JVM.
 */
public final class SkycutExtensions implements Function1<SparkSessionExtensions, BoxedUnit> {

    /** The function's name in SQL. */
    public static final String FUNCTION = "skycut_near";

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        ExpressionInfo info = new ExpressionInfo(SkycutNear.class.getName(), null, FUNCTION,
                "_FUNC_(ra, dec, 'contaminants path', 'radius') - true when the object at ra, dec (degrees) lies within"
                        + " radius (e.g. '1arcmin', '5arcsec', '0.5deg') of any contaminant of the catalogue at that path",
                "");
        Function1<Seq<Expression>, Expression> builder = SkycutExtensions::build;
        extensions.injectFunction(new Tuple3<>(FunctionIdentifier.apply(FUNCTION), info, builder));
        return BoxedUnit.UNIT;
    }

    private static Expression build(Seq<Expression> args) {
        if (args.size() != 4) {
            throw new SkycutInputException(FUNCTION + " takes (ra, dec, 'contaminants path', 'radius'), got "
                    + args.size() + " arguments");
        }
        String path = constant(args.apply(2), "contaminants path");
        Angle radius;
        try {
            radius = Angle.parse(constant(args.apply(3), "radius"));
        } catch (IllegalArgumentException e) {
            throw new SkycutInputException(FUNCTION + ": radius: " + e.getMessage());
        }
        SparkSession spark = SparkSession.active();
        Dataset<Row> stars = SparkCatalogues.read(spark, path, "contaminants");
        SparkCutOptions o = SparkCutOptions.within(radius);
        CutSettings settings = CutSettings.of(o);
        Contaminants c = Contaminants.collect(stars, Contaminants.Source.of(stars, o, "contaminant "), settings,
                Long.MAX_VALUE);
        return new SkycutNear(args.apply(0), args.apply(1), BroadcastCut.broadcast(spark, c),
                "'" + path + "', '" + radius + "'");
    }

    private static String constant(Expression e, String what) {
        if (!e.foldable() || !(e.dataType().equals(DataTypes.StringType))) {
            throw new SkycutInputException(FUNCTION + ": the " + what + " must be a constant string, got " + e.sql());
        }
        Object v = e.eval(null);
        if (v == null) {
            throw new SkycutInputException(FUNCTION + ": the " + what + " is null");
        }
        return v.toString();
    }
}
