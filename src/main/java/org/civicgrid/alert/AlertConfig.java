package org.civicgrid.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** 告警配置 — the alert store's batching and bounds, the Frigate HTTP API for snapshots, evidence retries. */
@ConfigMapping(prefix = "civicgrid.alerts")
public interface AlertConfig {

    /** Most alerts written in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** Larger payloads are rejected; the stored raw payload is cut to this size. */
    @WithDefault("65536")
    int maxPayloadBytes();

    /** Base URL of the Frigate HTTP API ({@code http://frigate:5000}) for review snapshots; none by default. */
    Optional<String> frigateUrl();

    /** How often the duplicate index re-reads open cases (cases raised by people, cases closed). */
    @WithDefault("5s")
    Duration dedupRefresh();

    /** How many times a snapshot is tried before the evidence is marked failed. */
    @WithDefault("6")
    int evidenceAttempts();

    /** Wait before the first retry of a snapshot; doubles each time. */
    @WithDefault("PT30S")
    Duration evidenceRetry();

    /** How often pending snapshots are tried (read by the scheduler of {@link EvidenceFetcher}). */
    @WithDefault("5s")
    String evidenceEvery();

    /**
     * 视频片段: the largest clip the case keeps itself; a bigger one stays a link at the source. Bounded also by
     * {@code civicgrid.cases.attachment-max-bytes} (10 MB by default), the most the hub takes of an attachment: raise
     * both for 20 MB clips.
     */
    @WithDefault("20971520")
    long clipMaxBytes();

    /** 视频片段: the longest one clip download may take, end to end; a stalling server is abandoned and tried later. */
    @WithDefault("PT60S")
    Duration clipTimeout();

    /**
     * 录像回放: the window of an ONVIF camera's recording a case keeps a replay link for — this long before the alert
     * and as long after it.
     */
    @WithDefault("PT30S")
    Duration replayMargin();

    /** Load the example triage rules on an empty rule table in demo mode. */
    @WithDefault("true")
    boolean demoRules();
}
