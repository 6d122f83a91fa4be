package org.civicgrid.cases.list;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * 关键字检索 — the case list's keyword index (V51, SQLite only): FTS5 trigrams of each case's number, description and
 * address, kept in step by triggers. Rare searches of three characters or more are read from it, the rest stay a LIKE.
 * Read in queries only ({@code id in (select s.id from CaseSearch s where s.phrase =
 * :phrase)}), never written through Hibernate.
 */
@Entity
@Immutable
@Table(name = "case_search")
public class CaseSearch extends PanacheEntityBase {

    /** The case's id (the index's rowid). */
    @Id
    @Column(name = "rowid")
    public Long id;

    /** FTS5's hidden column named after the table: comparing it with a query is a MATCH. */
    @Column(name = "case_search")
    public String phrase;

    /** Shorter searches cannot use trigrams: they stay a LIKE. */
    static final int MIN_LENGTH = 3;

    /**
     * Whether the index answers this search exactly as {@code LIKE '%text%'} does: three characters or more and no
     * LIKE wildcards ({@code %}, {@code _}) in it.
     */
    static boolean answers(String text) {
        return text.codePointCount(0, text.length()) >= MIN_LENGTH && text.indexOf('%') < 0 && text.indexOf('_') < 0;
    }

    /**
     * Searches matching at least this many cases are answered by the LIKE along the newest-first index instead: with
     * one case in 1,000 matching or more it meets a page of 20 within some 20,000 cases, while the index would read and
     * sort every match (at 1,000,000 cases both cost a few milliseconds here; "路灯" matches 200,000 cases, a number one).
     */
    static final int RARE_BELOW = 1000;

    /** Whether fewer than {@link #RARE_BELOW} cases match the text (the index is read up to that many). */
    static boolean rare(String text) {
        Number hits = (Number) getEntityManager().createNativeQuery(
                "SELECT count(*) FROM (SELECT rowid FROM case_search WHERE case_search = ?1 LIMIT " + RARE_BELOW + ")")
                .setParameter(1, phrase(text)).getSingleResult();
        return hits.intValue() < RARE_BELOW;
    }

    /** The text as one FTS5 phrase: any substring of it, in any of the three columns. */
    static String phrase(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
