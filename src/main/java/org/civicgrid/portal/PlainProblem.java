package org.civicgrid.portal;

import java.util.Arrays;
import java.util.Optional;

/**
 * 常见问题 — the short list of problems a citizen can name, in plain words, each mapped to a class of the catalog
 * (legacy 2+2 codes). The acceptor corrects the class at filing when it is not quite right.
 */
public enum PlainProblem {
    GARBAGE("incident:0110", "路边有垃圾没人清", "Litter or rubbish left out"),
    BIN_FULL("incident:0192", "垃圾桶满了、溢出来", "Overflowing bin"),
    ROAD_DAMAGE("incident:0113", "路面坑洼、破损", "Pothole or damaged road"),
    MANHOLE("component:0123", "井盖丢失、破损或松动", "Missing or broken manhole cover"),
    STREET_LIGHT("component:0137", "路灯不亮或损坏", "Street light out or broken"),
    FLOODING("incident:0506", "路面积水", "Flooded road"),
    PIPE_BURST("incident:0501", "水管破裂漏水", "Burst water pipe"),
    POSTERS("incident:0201", "乱贴小广告", "Illegal posters or flyers"),
    STREET_VENDING("incident:0406", "占道经营、摆摊", "Street vending blocking the way"),
    BIKES("incident:0410", "非机动车乱停放", "Badly parked bikes"),
    PILED_MATERIAL("incident:0136", "乱堆物料", "Materials piled in public space"),
    BBQ("incident:0129", "露天烧烤", "Open-air barbecue"),
    SEWAGE("incident:0130", "乱倒污水", "Sewage poured out"),
    TREE("component:0402", "行道树倒伏、枯死或需修剪", "Fallen, dead or overgrown street tree"),
    NOISE("incident:0128", "商业噪音扰民", "Commercial noise");

    public final String classRef;
    public final String zh;
    public final String en;

    PlainProblem(String classRef, String zh, String en) {
        this.classRef = classRef;
        this.zh = zh;
        this.en = en;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    public static Optional<PlainProblem> of(String key) {
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(key == null ? "" : key.trim())).findFirst();
    }
}
