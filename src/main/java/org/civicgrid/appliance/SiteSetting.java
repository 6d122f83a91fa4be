package org.civicgrid.appliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** 站点设置 — small facts the site keeps about itself in the store (e.g. that the demo county was loaded). */
@Entity
@Table(name = "site_setting")
public class SiteSetting extends PanacheEntityBase {

    /** Set when the demo county was loaded into this store. */
    public static final String DEMO_LOADED = "demo.loaded";

    @Id
    @Column(name = "setting_key")
    public String key;

    @Column(name = "setting_value")
    public String value;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<String> get(String key) {
        return SiteSetting.<SiteSetting>findByIdOptional(key).map(s -> s.value);
    }

    public static void put(String key, String value, Instant at) {
        SiteSetting setting = SiteSetting.<SiteSetting>findByIdOptional(key).orElseGet(SiteSetting::new);
        setting.key = key;
        setting.value = value;
        setting.updatedAt = at;
        setting.persist();
    }
}
