package io.github.skycut.spark;

import io.github.skycut.PreparedCut;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.analysis.TypeCheckResult;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ImplicitCastInputTypes;
import org.apache.spark.sql.catalyst.expressions.codegen.CodeBlock;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenContext;
import org.apache.spark.sql.catalyst.expressions.codegen.ExprCode;
import org.apache.spark.sql.types.AbstractDataType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * The expression behind the SQL function {@code skycut_near(ra, dec, 'contaminants path', '1arcmin')}
 * (made by {@link SkycutExtensions}; public only because Spark's generated code calls {@link #isCut}).
 * RA and Dec are cast to double; the contaminants were read and broadcast on the driver when the
 * query was analysed; each executor JVM prepares them once per broadcast, and each row is one
 * {@link PreparedCut#isCut} (no allocation). Null RA or Dec gives null, as SQL functions do.
 */
public final class SkycutNear extends Expression implements ImplicitCastInputTypes, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Expression ra;
    private final Expression dec;
    private final Broadcast<Contaminants> contaminants;
    private final String description;
    private transient PreparedCut prepared;

    SkycutNear(Expression ra, Expression dec, Broadcast<Contaminants> contaminants, String description) {
        this.ra = ra;
        this.dec = dec;
        this.contaminants = contaminants;
        this.description = description;
    }

    /** Whether the object at this RA and Dec (degrees) is cut: the library's decision, no allocation. */
    public boolean isCut(double raDeg, double decDeg) {
        PreparedCut p = prepared;
        if (p == null) {
            p = BroadcastCut.preparedFor(contaminants);
            prepared = p;
        }
        try {
            return p.isCut(raDeg, decDeg);
        } catch (IllegalArgumentException e) {
            throw new SkycutInputException("skycut_near(" + ra.sql() + ", " + dec.sql() + "): " + e.getMessage());
        }
    }

    @Override
    public Seq<Expression> children() {
        return CollectionConverters.asScala(List.of(ra, dec)).toSeq();
    }

    @Override
    public boolean nullable() {
        return ra.nullable() || dec.nullable();
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public Seq<AbstractDataType> inputTypes() {
        return CollectionConverters.asScala(List.<AbstractDataType>of(DataTypes.DoubleType, DataTypes.DoubleType)).toSeq();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ImplicitCastInputTypes.super.checkInputDataTypes();
    }

    @Override
    public Object eval(InternalRow row) {
        Object r = ra.eval(row);
        Object d = r == null ? null : dec.eval(row);
        return d == null ? null : isCut((Double) r, (Double) d);
    }

    /** Generated code: the children's values as primitives, one call to {@link #isCut}, no boxing. */
    @Override
    public ExprCode doGenCode(CodegenContext ctx, ExprCode ev) {
        String self = ctx.addReferenceObj("skycutNear", this, SkycutNear.class.getName());
        ExprCode r = ra.genCode(ctx);
        ExprCode d = dec.genCode(ctx);
        String code = r.code() + "\n" + d.code() + "\n"
                + "boolean " + ev.isNull() + " = " + r.isNull() + " || " + d.isNull() + ";\n"
                + "boolean " + ev.value() + " = false;\n"
                + "if (!" + ev.isNull() + ") {\n  " + ev.value() + " = " + self + ".isCut(" + r.value() + ", " + d.value() + ");\n}\n";
        CodeBlock block = new CodeBlock(CollectionConverters.asScala(List.of(code)).toSeq(),
                CollectionConverters.asScala(List.<org.apache.spark.sql.catalyst.expressions.codegen.JavaCode>of()).toSeq());
        return ev.copy(block, ev.isNull(), ev.value());
    }

    @Override
    public Expression withNewChildrenInternal(IndexedSeq<Expression> children) {
        return new SkycutNear(children.apply(0), children.apply(1), contaminants, description);
    }

    @Override
    public String prettyName() {
        return "skycut_near";
    }

    @Override
    public String toString() {
        return "skycut_near(" + ra + ", " + dec + ", " + description + ")";
    }

    @Override
    public int productArity() {
        return 4;
    }

    @Override
    public Object productElement(int n) {
        return switch (n) {
            case 0 -> ra;
            case 1 -> dec;
            case 2 -> contaminants;
            case 3 -> description;
            default -> throw new IndexOutOfBoundsException(n);
        };
    }

    @Override
    public boolean canEqual(Object that) {
        return that instanceof SkycutNear;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkycutNear s && s.ra.equals(ra) && s.dec.equals(dec) && s.contaminants.id() == contaminants.id();
    }

    @Override
    public int hashCode() {
        return 31 * (31 * ra.hashCode() + dec.hashCode()) + Long.hashCode(contaminants.id());
    }
}
