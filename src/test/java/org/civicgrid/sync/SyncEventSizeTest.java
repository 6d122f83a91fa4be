package org.civicgrid.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The relay bounds a batch by {@link SyncProtocol.Event#estimatedBytes}: it must not under-estimate what the event's
 * JSON takes (else a batch could pass the hub's body limit), for a lean event and for one full of Chinese text,
 * photos and every optional field; and it stays within twice the real size for the lean one (else batches shrink
 * for nothing). Batches go gzip-compressed and come back byte for byte.
 */
class SyncEventSizeTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theEstimateIsAnUpperBoundAndNotFarAboveForALeanEvent() throws Exception {
        SyncProtocol.Event lean = new SyncProtocol.Event("6f1c2d9e-8c1b-4e3a-9a57-0f7d4c1e2b3a", 1, "case.report", 1, Instant.EPOCH,
                new SyncProtocol.CaseState("B00000001", "HOTLINE", null, "", null, null, null, null, "REPORTED", 1, null, null, Instant.EPOCH, null),
                List.of(), List.of(), null, null);
        int leanBytes = json.writeValueAsBytes(lean).length;
        assertTrue(leanBytes <= lean.estimatedBytes(), leanBytes + " > " + lean.estimatedBytes());
        assertTrue(lean.estimatedBytes() <= 2 * leanBytes, "estimate " + lean.estimatedBytes() + " for " + leanBytes + " bytes");

        Instant at = Instant.parse("2026-11-23T01:20:00.123456789Z");
        String text = "暴露垃圾，\"沿街\"堆放\\已三天。".repeat(60);
        List<SyncProtocol.AttachmentRef> photos = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            photos.add(new SyncProtocol.AttachmentRef("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "PHOTO", "image/jpeg",
                    Long.MAX_VALUE, Integer.MAX_VALUE, "AFTER"));
        }
        SyncProtocol.Event full = new SyncProtocol.Event("6f1c2d9e-8c1b-4e3a-9a57-0f7d4c1e2b3a", Long.MAX_VALUE, "case.selfHandle", Long.MAX_VALUE, at,
                new SyncProtocol.CaseState("202611230007", "INSPECTOR", "incident:0110", text, "泗河路 12 号".repeat(20), -35.123456789012345,
                        -117.123456789012345, "370831001001003", "PENDING_CLOSE", Integer.MAX_VALUE, at, Long.MAX_VALUE, at, at),
                List.of(new SyncProtocol.HistoryRow(Integer.MAX_VALUE, "selfHandle", "REPORTED", "PENDING_CLOSE", "王监督".repeat(10), "INSPECTOR", at,
                        text, at, at)),
                photos, null, null);
        int fullBytes = json.writeValueAsBytes(full).length;
        assertTrue(fullBytes <= full.estimatedBytes(), fullBytes + " > " + full.estimatedBytes());
    }

    @Test
    void aCompressedBatchInflatesToTheSameBytes() throws Exception {
        byte[] body = json.writeValueAsBytes(new SyncProtocol.Batch(SyncProtocol.VERSION, "s", 0, List.of()));
        byte[] zipped = HttpHubSender.gzip(body);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }
}
