package org.civicgrid.demo;

import java.util.List;
import java.util.Random;

/**
 * 演示部件构成 — the mix of legacy component classes the demo county is stocked with: many 井盖, 路灯, 垃圾箱 and 行道树,
 * fewer 供水器, 公交站亭, 报刊亭 …; each with its maintaining department (a street office's code is {@code street}) and its
 * positional accuracy class.
 */
final class DemoComponentMix {

    /** One class of the mix: legacy code, relative weight, maintaining department code, accuracy class. */
    record Share(String classCode, double weight, String department, String accuracy) {
    }

    static final String STREET_OFFICE = "street";

    static final List<Share> SHARES = List.of(
            new Share("0101", 6, "gongshui", "A"),     // 上水井盖
            new Share("0102", 9, "shizheng", "A"),     // 污水井盖
            new Share("0103", 9, "shizheng", "A"),     // 雨水井盖
            new Share("0104", 7, "shizheng", "A"),     // 雨水箅子
            new Share("0111", 4, "ranqi", "A"),        // 燃气井盖
            new Share("0125", 2, "gongshui", "A"),     // 供水器 (消防栓)
            new Share("0137", 14, "shizheng", "A"),    // 路灯
            new Share("0140", 0.5, STREET_OFFICE, "B"), // 报刊亭
            new Share("0201", 0.3, "jiaojing", "C"),   // 停车场
            new Share("0204", 1.5, "jiaojing", "B"),   // 公交站亭（牌）
            new Share("0212", 2, "shizheng", "B"),     // 路名牌
            new Share("0217", 3, "jiaojing", "B"),     // 交通护栏
            new Share("0225", 1, "jiaojing", "C"),     // 非机动车停放点
            new Share("0301", 0.7, "huanwei", "B"),    // 公共厕所
            new Share("0305", 12, "huanwei", "B"),     // 垃圾箱（果皮箱、桶）
            new Share("0306", 2, STREET_OFFICE, "B"),  // 户外广告
            new Share("0402", 18, "yuanlin", "B"),     // 行道树
            new Share("0407", 2, "yuanlin", "B"));     // 街头座椅

    private static final double TOTAL = SHARES.stream().mapToDouble(Share::weight).sum();

    private DemoComponentMix() {
    }

    /** A class drawn by weight. */
    static Share draw(Random random) {
        double at = random.nextDouble() * TOTAL;
        for (Share share : SHARES) {
            at -= share.weight();
            if (at < 0) {
                return share;
            }
        }
        return SHARES.get(SHARES.size() - 1);
    }
}
