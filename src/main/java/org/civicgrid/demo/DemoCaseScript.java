package org.civicgrid.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Random;
import org.civicgrid.appliance.Backdating;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.appliance.SiteSetting;
import org.civicgrid.cases.ActionInput;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseActions;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseIntake;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.NewReport;
import org.civicgrid.evaluation.CallBack;
import org.civicgrid.portal.PublicRating;
import org.civicgrid.sync.Outbox;
import org.civicgrid.sync.SyncProtocol;
import org.civicgrid.portal.PublicReport;

/**
 * 演示案卷剧本 — plays one case of the living demo through the real workflow ({@link CaseIntake}, {@link CaseActions}:
 * the transition table, its roles and guards, deadlines, history rows, outbox), each step at its own earlier instant
 * ({@link Backdating}), in ONE transaction together with the progress marker: a case is stored whole or not at all.
 * Steps that would fall after {@code cutoff} are not taken, so recent cases stay open (and some overdue).
 * <p>
 * The mix, per case: 3 % 作废; 6 % 回退 and a second 派遣; 10 % 督办 with a reply; 3 % 挂账 and 恢复; 7 % 延期 (85 %
 * approved); 14 % handled after the deadline; 8 % 返工; portal ratings for half the citizens' reports; 回访 for
 * hotline callers and a quarter of the rest (10 % unsatisfied, some reopened and handled again).
 */
@ApplicationScoped
class DemoCaseScript {

    static final Actor PORTAL = new Actor(null, "公众门户", java.util.EnumSet.noneOf(org.civicgrid.org.Role.class), null, true);

    private final CaseIntake intake;
    private final CaseActions actions;
    private final Clock clock;
    private final Outbox outbox;

    DemoCaseScript(CaseIntake intake, CaseActions actions, Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.intake = intake;
        this.actions = actions;
        this.clock = clock;
    }

    /** Plays the case and records {@code marker} as the generator's state, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SingleWriter
    public void play(DemoCast cast, DemoHistoryPlan.Entry entry, Instant cutoff, String marker) {
        new Play(cast, entry, cutoff).run();
        SiteSetting.put(DemoHistory.STATE, marker, clock.instant());
    }

    /** Records the marker alone (after a case that could not be played: it was rolled back whole). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SingleWriter
    public void skip(String marker) {
        SiteSetting.put(DemoHistory.STATE, marker, clock.instant());
    }

    private final class Play {
        private final DemoCast cast;
        private final Random random;
        private final Instant cutoff;
        private final DemoCast.Place place;
        private Instant t;
        private long id;
        private CaseFile c;
        private boolean stopped;

        Play(DemoCast cast, DemoHistoryPlan.Entry entry, Instant cutoff) {
            this.cast = cast;
            this.random = new Random(entry.seed());
            this.cutoff = cutoff;
            this.place = cast.places().get(random.nextInt(cast.places().size()));
            this.t = entry.day().atTime(LocalTime.of(8, 0)).plusMinutes(random.nextInt(10 * 60)).atZone(clock.getZone()).toInstant();
        }

        void run() {
            boolean citizen = place.publicProblem() != null && random.nextDouble() < 0.5;
            CaseSource source = citizen ? CaseSource.PUBLIC : random.nextDouble() < 0.25 ? CaseSource.HOTLINE : CaseSource.INSPECTOR;
            report(source);
            if (!intake(source)) {
                return;
            }
            if (chance(0.03)) {
                step(1, 30, CaseAction.DISCARD, cast.shiftLead(), note("不属于城管受理范围，已告知相关单位"));
                return;
            }
            step(5, 30, CaseAction.FILE, cast.shiftLead(), input(null, place.conditionId(), null, null));
            Actor department = place.department();
            step(5, 30, CaseAction.DISPATCH, cast.dispatcher(), input(department.departmentId(), null, null, null));
            if (chance(0.06)) { // 回退: not this department's job; the dispatcher sends it to the right one
                step(30, 180, CaseAction.REQUEST_RETURN, department, note("经现场查看，不属于本单位职责范围"));
                step(10, 60, CaseAction.APPROVE_RETURN, cast.dispatcher(), note(null));
                department = place.otherDepartment();
                step(5, 20, CaseAction.DISPATCH, cast.dispatcher(), input(department.departmentId(), null, null, null));
            }
            step(10, 120, CaseAction.SIGN_FOR, department, note(null));
            detours(department);
            handle(department, chance(0.14));
            check(department, chance(0.08));
            step(5, 60, CaseAction.CLOSE, cast.shiftLead(), note(null));
            afterClose(source, department);
        }

        private void report(CaseSource source) {
            Actor who = switch (source) {
                case PUBLIC -> PORTAL;
                case HOTLINE -> cast.acceptor();
                default -> place.inspector();
            };
            String what = place.publicProblem() != null ? place.publicProblem().zh : "巡查发现：" + place.classRef();
            NewReport r = new NewReport(source, what, place.lat(), place.lon(), "wgs84", place.classRef(), null,
                    source == CaseSource.INSPECTOR ? null : "市民" + (char) ('甲' + random.nextInt(10)),
                    source == CaseSource.INSPECTOR ? null : "1380000" + String.format("%04d", random.nextInt(10_000)), place.componentId());
            c = Backdating.at(t, () -> intake.report(r, who));
            id = c.id;
            if (source == CaseSource.PUBLIC) {
                PublicReport p = new PublicReport();
                p.caseId = id;
                p.problemKey = place.publicProblem().name();
                p.keyHash = DemoHistory.sha256("demo-key:" + c.number);
                p.clientHash = DemoHistory.sha256("demo-client:" + random.nextInt(500));
                p.moderation = PublicReport.Moderation.PUBLISHED;
                p.publicText = place.publicProblem().zh;
                p.moderatedBy = cast.acceptor().name();
                p.moderatedAt = t.plus(Duration.ofMinutes(20));
                p.receivedAt = t;
                p.persist();
            }
        }

        /** 受理: the desk sends a citizen's report to an inspector to confirm; an inspector's own find is accepted. */
        private boolean intake(CaseSource source) {
            if (source == CaseSource.INSPECTOR) {
                return step(5, 30, CaseAction.ACCEPT, cast.acceptor(), note(null));
            }
            step(5, 30, CaseAction.SEND_TO_CONFIRM, cast.acceptor(), input(null, null, place.inspector().staffId(), null));
            if (chance(0.05)) {
                step(30, 120, CaseAction.CONFIRM_NOT_FOUND, place.inspector(), note("现场未发现所述问题"));
                step(5, 30, CaseAction.DECLINE, cast.acceptor(), note("经核实不存在，不予立案"));
                return false;
            }
            return step(30, 120, CaseAction.CONFIRM, place.inspector(), note(null));
        }

        /** 督办, 挂账, 延期 while the department handles the case. */
        private void detours(Actor department) {
            if (chance(0.10)) {
                step(120, 26 * 60, CaseAction.URGE, chance(0.5) ? cast.leader() : cast.shiftLead(), note("群众反映强烈，请尽快处置"));
                step(30, 240, CaseAction.REPLY_URGE, department, note("已安排人员到场处置"));
            }
            if (chance(0.03)) {
                step(60, 6 * 60, CaseAction.REQUEST_SUSPEND, department, note("需协调产权单位，暂缓处置"));
                step(10, 60, CaseAction.APPROVE_SUSPEND, cast.dispatcher(), note(null));
                step(2 * 24 * 60, 8 * 24 * 60, CaseAction.RESUME, cast.dispatcher(), note(null));
            }
            if (chance(0.07)) {
                step(60, 8 * 60, CaseAction.REQUEST_EXTENSION, department, extension());
                Actor decides = c.extensionNeedsLeader ? cast.leader() : cast.dispatcher();
                if (chance(0.85)) {
                    step(10, 90, CaseAction.APPROVE_EXTENSION, decides, note(null));
                } else {
                    step(10, 90, CaseAction.REJECT_EXTENSION, decides, note("时限内可以完成，请按期处置"));
                }
            }
        }

        /** 处置 and 反馈: within the deadline most of the time, {@code late} 1–72 h after it. */
        private void handle(Actor department, boolean late) {
            Instant due = c.handlingDeadlineAt;
            if (stopped) {
                return;
            }
            if (due == null) {
                t = t.plus(Duration.ofMinutes(60 + random.nextInt(24 * 60)));
            } else if (late || !due.isAfter(t)) {
                t = (due.isAfter(t) ? due : t).plus(Duration.ofMinutes(60 + random.nextInt(72 * 60)));
            } else {
                long span = Duration.between(t, due).toMinutes();
                t = t.plus(Duration.ofMinutes(Math.max(10, (long) (span * (0.2 + 0.7 * random.nextDouble())))));
            }
            step(0, 0, CaseAction.REPORT_HANDLED, department, note("已处置完毕，现场已恢复"));
        }

        /** 核查: the desk sends it to the inspector, who verifies it or (once) sends it back for 返工. */
        private void check(Actor department, boolean rework) {
            step(5, 40, CaseAction.SEND_TO_CHECK, cast.acceptor(), input(null, null, place.inspector().staffId(), null));
            if (rework) {
                step(30, 180, CaseAction.REWORK, place.inspector(), note("现场仍有问题，未处置到位，请返工"));
                step(2 * 60, 24 * 60, CaseAction.REPORT_HANDLED, department, note("已返工处置"));
                step(5, 40, CaseAction.SEND_TO_CHECK, cast.acceptor(), input(null, null, place.inspector().staffId(), null));
            }
            step(30, 240, CaseAction.VERIFY, place.inspector(), note(null));
        }

        /** 公众评价 of a citizen's report; 回访 of a hotline caller (and of a quarter of the rest). */
        private void afterClose(CaseSource source, Actor department) {
            if (stopped) {
                return;
            }
            if (source == CaseSource.PUBLIC) {
                if (chance(0.5) && later(60, 72 * 60)) {
                    PublicRating rating = new PublicRating();
                    rating.caseId = id;
                    double r = random.nextDouble();
                    rating.score = r < 0.5 ? 5 : r < 0.8 ? 4 : r < 0.92 ? 3 : r < 0.97 ? 2 : 1;
                    rating.comment = rating.score >= 4 ? "处理及时，满意" : rating.score == 3 ? "处理一般" : "处理太慢";
                    rating.ratedAt = t;
                    rating.persist();
                    outbox.rating(id, SyncProtocol.Rating.portal(rating.id, rating.score), t);
                }
                return;
            }
            if (source != CaseSource.HOTLINE && !chance(0.25) || !later(60, 48 * 60)) {
                return;
            }
            boolean satisfied = !chance(0.10);
            boolean reopen = !satisfied && chance(0.4);
            CallBack b = new CallBack();
            b.caseId = id;
            b.calledAt = t;
            b.callerId = cast.acceptor().staffId();
            b.callerName = cast.acceptor().name();
            b.satisfied = satisfied;
            b.note = satisfied ? "群众表示满意" : "群众反映问题仍未彻底解决";
            b.reopened = reopen;
            b.persist();
            outbox.rating(id, SyncProtocol.Rating.callBack(b.id, satisfied), t);
            if (reopen) {
                step(0, 0, CaseAction.REOPEN, cast.shiftLead(), note("回访不满意：" + b.note));
                handle(department, false);
                check(department, false);
                step(5, 60, CaseAction.CLOSE, cast.shiftLead(), note(null));
            }
        }

        /** Moves the time on and takes the action, unless that time lies after the cutoff (then nothing more happens). */
        private boolean step(int minMinutes, int maxMinutes, CaseAction action, Actor who, ActionInput in) {
            if (stopped || !later(minMinutes, maxMinutes)) {
                return false;
            }
            c = Backdating.at(t, () -> actions.apply(id, action, who, in));
            return true;
        }

        private boolean later(int minMinutes, int maxMinutes) {
            t = t.plus(Duration.ofMinutes(minMinutes + (maxMinutes > minMinutes ? random.nextInt(maxMinutes - minMinutes) : 0)));
            stopped = stopped || t.isAfter(cutoff);
            return !stopped;
        }

        private boolean chance(double p) {
            return random.nextDouble() < p;
        }

        private ActionInput extension() {
            return new ActionInput("需采购配件，申请延期", null, null, null, null, random.nextBoolean() ? "2工作日" : "8工作时", null, null, null,
                    null, null, null, null);
        }
    }

    private static ActionInput note(String note) {
        return ActionInput.note(note);
    }

    private static ActionInput input(Long departmentId, Long conditionId, Long inspectorId, String note) {
        return new ActionInput(note, departmentId, conditionId, null, inspectorId, null, null, null, null, null, null, null, null);
    }
}
