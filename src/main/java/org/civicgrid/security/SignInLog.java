package org.civicgrid.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** 登录日志 — one row per interactive sign-in, failed attempt or locked-out attempt; never updated. */
@Entity
@Table(name = "sign_in_log")
public class SignInLog extends PanacheEntityBase {

    /** What happened to the attempt. */
    public enum Outcome {
        SIGNED_IN, FAILED, LOCKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    public String username;

    @Column(name = "remote_address")
    public String remoteAddress;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    static SignInLog of(Instant at, String username, String remoteAddress, Outcome outcome) {
        SignInLog row = new SignInLog();
        row.at = at;
        row.username = username.length() > 64 ? username.substring(0, 64) : username;
        row.remoteAddress = remoteAddress;
        row.outcome = outcome;
        return row;
    }

    public static List<SignInLog> latest(int max) {
        return find("order by id desc").page(0, max).list();
    }
}
