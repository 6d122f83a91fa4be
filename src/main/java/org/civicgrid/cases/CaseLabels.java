package org.civicgrid.cases;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 阶段与亮灯名称 — the stage, source and light names of one language, resolved once from the {@code cases} bundle (each
 * is a {@code #when} template there: evaluating it for every row of every list was a third of the list's time).
 * The texts are in the application, so they never change while it runs.
 */
final class CaseLabels {

    private static final Map<String, CaseLabels> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final Map<CaseStage, String> stages = new EnumMap<>(CaseStage.class);
    private final Map<Light, String> lights = new EnumMap<>(Light.class);
    private final Map<CaseSource, String> sources = new EnumMap<>(CaseSource.class);
    private final String noLight;

    private CaseLabels(CaseMessages text) {
        for (CaseStage s : CaseStage.values()) {
            stages.put(s, text.stageName(s));
        }
        for (Light l : Light.values()) {
            lights.put(l, text.lightName(l));
        }
        for (CaseSource s : CaseSource.values()) {
            sources.put(s, text.sourceName(s));
        }
        noLight = text.lightName(Light.NONE); // no light: the same "none" as NONE
    }

    static CaseLabels of(Locale locale) {
        return BY_LANGUAGE.computeIfAbsent(locale.getLanguage(),
                language -> new CaseLabels(MessageBundles.get(CaseMessages.class, Localized.Literal.of(language))));
    }

    String stage(CaseStage stage) {
        return stage == null ? "" : stages.get(stage);
    }

    String source(CaseSource source) {
        return source == null ? "" : sources.get(source);
    }

    String light(Light light) {
        return light == null ? noLight : lights.get(light);
    }
}
