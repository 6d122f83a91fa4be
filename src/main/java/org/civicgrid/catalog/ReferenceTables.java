package org.civicgrid.catalog;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 参考编码表 — reads the reference tables shipped under {@code reference/} (UTF-8 CSV with a header row): the 运城
 * legacy classes, the GB/T 47678.5 components (Annex A) and matters (Annex C), the legacy → GB mapping and the
 * filing standards. Pure: no store, so the counts and the mapping rules are checked by plain tests.
 */
final class ReferenceTables {

    static final String LEGACY_CLASSES = "reference/legacy_classes.csv";
    static final String GB_COMPONENTS = "reference/gbt47678_5_components.csv";
    static final String GB_MATTERS = "reference/gbt47678_5_matters.csv";
    static final String MAPPING = "reference/legacy_to_gbt47678_5.csv";
    static final String FILING_STANDARDS = "reference/filing_standards_sample.csv";

    private static final CsvMapper CSV = new CsvMapper();

    private ReferenceTables() {
    }

    /** A class as a reference table gives it. */
    record ClassRow(ClassSystem system, ClassKind kind, String code, String majorCode, String majorName, String minorCode, String name) {
        String ref() {
            return kind.ref(code);
        }
    }

    /** A legacy → GB/T 47678.5 mapping row as references. */
    record MappingRow(String legacyRef, String gbRef, String match) {
    }

    /** The 190 运城 legacy classes (kind {@code component} or {@code event}). */
    static List<ClassRow> legacyClasses() {
        return rows(LEGACY_CLASSES).map(r -> new ClassRow(ClassSystem.LEGACY, ClassKind.parse("kind", r.get("kind")), r.get("class_code"),
                r.get("major_code"), r.get("major_name"), r.get("minor_code"), r.get("name"))).toList();
    }

    /** The 153 GB/T 47678.5 管理部件 (majors 01–05), as component classes. */
    static List<ClassRow> gbComponents() {
        return gbRows(GB_COMPONENTS);
    }

    /** The 250 GB/T 47678.5 管理事项 (majors 01–10), each of the kind its major gives. */
    static List<ClassRow> gbMatters() {
        return gbRows(GB_MATTERS);
    }

    /**
     * The GB/T 47678.5 classes, once per reference: the 153 components under their component names (their matters
     * "<name>异常" share the code) and the matters of majors 06–10 as incidents.
     *
     * @throws IllegalStateException if a component has no matter of the same code, or a matter of 01–05 no component
     */
    static List<ClassRow> gbClasses() {
        List<ClassRow> components = gbComponents();
        List<ClassRow> matters = gbMatters();
        Set<String> componentCodes = components.stream().map(ClassRow::code).collect(Collectors.toCollection(TreeSet::new));
        Set<String> componentMatterCodes = matters.stream().filter(m -> m.kind() == ClassKind.COMPONENT).map(ClassRow::code)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!componentCodes.equals(componentMatterCodes)) {
            throw new IllegalStateException("GB/T 47678.5 components and the matters of majors 01-05 differ in their codes");
        }
        List<ClassRow> classes = new ArrayList<>(components);
        matters.stream().filter(m -> m.kind() == ClassKind.INCIDENT).forEach(classes::add);
        return classes;
    }

    /**
     * The legacy → GB/T 47678.5 rows. The GB side's kind follows its major (01–05 component, 06–10 incident), whether
     * the table points at a component or at a matter: a matter of 01–05 is the component class's own reference.
     */
    static List<MappingRow> mappings() {
        return rows(MAPPING).map(r -> {
            String legacyRef = ClassKind.parse("kind", r.get("kind")).ref(r.get("legacy_code"));
            String gbCode = r.get("new_code");
            return new MappingRow(legacyRef, ClassKind.ofGbMajor(gbCode.substring(0, 2)).ref(gbCode), r.get("match"));
        }).toList();
    }

    /** The shipped filing standards file, as bytes for {@link FilingStandardCsv}. */
    static byte[] filingStandards() {
        try (InputStream in = open(FILING_STANDARDS)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILING_STANDARDS, e);
        }
    }

    private static List<ClassRow> gbRows(String resource) {
        return rows(resource).map(r -> new ClassRow(ClassSystem.GBT47678, ClassKind.ofGbMajor(r.get("major_code")), r.get("class_code"),
                r.get("major_code"), r.get("major_name"), r.get("minor_code"), r.get("name"))).toList();
    }

    private static Stream<Map<String, String>> rows(String resource) {
        try (InputStream in = open(resource);
                MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (it.hasNextValue()) {
                rows.add(new TreeMap<>(it.nextValue()));
            }
            return rows.stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " missing from the application");
        }
        return in;
    }
}
