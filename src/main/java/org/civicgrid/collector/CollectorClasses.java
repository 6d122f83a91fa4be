package org.civicgrid.collector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.catalog.CodeSystems;

/** 分类选择 — the active code system's classes for the phone's picker (with the other system's code as alias), with the inspector's most used classes first. */
@ApplicationScoped
class CollectorClasses {

    record Option(String ref, String code, String name, String group, String alias) {
    }

    record Picker(List<String> mostUsed, List<Option> classes) {
    }

    private final CollectorConfig config;

    CollectorClasses(CollectorConfig config) {
        this.config = config;
    }

    @Transactional
    Picker of(long staffId) {
        List<String> mostUsed = CaseFile.getEntityManager()
                .createQuery("select c.classCode from CaseFile c where c.reportedById = :staff and c.source = :source"
                        + " and c.classCode is not null group by c.classCode order by count(c) desc, max(c.createdAt) desc", String.class)
                .setParameter("staff", staffId).setParameter("source", CaseSource.INSPECTOR)
                .setMaxResults(config.mostUsedClasses()).getResultList();
        List<Option> classes = CodeSystems.options().stream()
                .map(c -> new Option(c.ref(), c.code(), c.name(), c.majorName(), c.alias())).toList();
        return new Picker(mostUsed, classes);
    }
}
