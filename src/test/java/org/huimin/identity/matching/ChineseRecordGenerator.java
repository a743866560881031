package org.huimin.identity.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.huimin.shared.ResidentIdNumber;

/**
 * Generates noisy Chinese resident records with ground truth, reproducibly from a seed. Originals live in households
 * (shared address, often a shared phone and surname: the hard non-matches of a real index) of a county laid out like
 * 富源县; each original gets 0–3 duplicates as a hospital or village-clinic feed would send them: a typo'd or
 * homophone character in the name (丽/力, 明/名 …) or the name in pinyin, day and month swapped or a wrong digit
 * in the birth date, another date format, the ID number missing, the phone missing, changed or written with +86, the
 * address abbreviated (no county, 中安 for 中安街道, 村 for 村委会, 3-2-501 for 3栋2单元501室, full-width digits) or
 * moved.
 *
 * <p>Record ids are {@code cn-N-org} and {@code cn-N-dup-K}; matching never looks at them.
 */
public final class ChineseRecordGenerator {

    /** The ~100 most common surnames, most frequent first, and two compound ones at the end. */
    static final String[] SURNAMES;
    /** Given-name characters typical for men and for women (some are used for both). */
    static final String MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国志文海峰亮成东兵光永庆昌德荣松"
            + "毅立利鸣君均卫维锋斌昊皓博晨睿轩豪坤元春清";
    static final String FEMALE = "芳娜敏静丽艳娟霞秀燕玲桂英华红梅琳洁雪倩颖慧婷佳琴云莉萍兰凤春晶欣怡蕾薇瑶璐丹妍悦"
            + "芬方敬婧菁岚莹瑛惠芸馨蓉露月玉珍";

    static {
        String single = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
        List<String> all = new ArrayList<>();
        for (int i = 0; i < single.length(); i++) {
            all.add(String.valueOf(single.charAt(i)));
        }
        all.add("欧阳");
        all.add("上官");
        SURNAMES = all.toArray(new String[0]);
    }

    /** Characters grouped by their (first) pinyin reading: the homophone table, built from these candidates. */
    private static final String HOMOPHONE_CANDIDATES = "丽力立利莉俐 明名鸣铭 华化花桦 军君均俊骏峻 伟卫维薇玮威 芳方 "
            + "静敬晶婧靖菁 红宏洪鸿虹 燕艳岩颜妍彦 欣新心鑫馨 慧惠辉 平萍苹 玲铃灵凌 杰洁婕 玉宇雨钰 峰锋风凤丰 "
            + "云芸韵 清青庆晴 英颖莹瑛 梅美玫 浩昊皓 林琳霖 涛桃 超 波博 勇永泳 强蔷 建健剑坚 志智芝 东冬 刚钢 "
            + "秀修 兰岚 琴勤芹 怡艺仪毅 瑞蕊睿 娜纳 春纯 龙隆 国果 文雯 海 斌彬 鹏朋 宁凝 亮靓 飞菲 婷庭";
    static final Map<Character, String> HOMOPHONES = homophones();

    private static final String[][] TOWNSHIPS = {
        {"中安街道", "中安"}, {"胜境街道", "胜境"}, {"营上镇", "营上"}, {"黄泥河镇", "黄泥河"}, {"竹园镇", "竹园"},
        {"后所镇", "后所"}, {"大河镇", "大河"}, {"墨红镇", "墨红"}, {"富村镇", "富村"}, {"十八连山镇", "十八连山"},
        {"老厂镇", "老厂"}, {"古敢水族乡", "古敢"}};
    private static final String PLACE = "沙营海田新厂后所大河富村红旗青山龙潭石头松林黑泥水井白马小河东风团结光明新村"
            + "岔河庆云德胜阿南雨汪恩乐块泽河口者海补掌鲁依多乐";
    private static final String ROADS = "胜境中安珠江南昌富康建设文化人民沿河金山";
    private static final String COUNTY = "富源县";
    private static final String FULL_PREFIX = "云南省曲靖市富源县";

    private final Random random;
    private final Set<String> idNumbers = new HashSet<>();
    private final Set<String> phones = new HashSet<>();

    /** A generator whose output depends only on the seed. */
    public ChineseRecordGenerator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Generated records and their truth.
     *
     * @param records originals and duplicates, shuffled
     * @param entityOf the true person of each record, by record id
     */
    public record Generated(List<PersonRecord> records, Map<String, String> entityOf) {
    }

    /** A person as the generator knows them, before any noise. */
    private record Person(int n, String surname, String given, boolean male, LocalDate birth, String idNumber,
            String phone, Address address) {
    }

    /** An address in parts, so that duplicates can abbreviate it the way clerks do. */
    private record Address(String township, String townshipShort, String place, boolean urban, int group, int number,
            int building, int unit, int room, int prefix) {
    }

    /**
     * Generates {@code originals} persons in households, each with 0–3 duplicates (0.75 on average).
     *
     * @param originals how many distinct persons
     */
    public Generated generate(int originals) {
        List<PersonRecord> records = new ArrayList<>();
        Map<String, String> entityOf = new HashMap<>();
        int n = 0;
        while (n < originals) {
            for (Person p : household(n, originals - n)) {
                String entity = "cn-" + p.n();
                PersonRecord original = original(p);
                records.add(original);
                entityOf.put(original.id(), entity);
                int duplicates = duplicates();
                for (int k = 0; k < duplicates; k++) {
                    PersonRecord dup = duplicate(p, entity + "-dup-" + k);
                    records.add(dup);
                    entityOf.put(dup.id(), entity);
                }
                n++;
            }
        }
        Collections.shuffle(records, random);
        return new Generated(records, entityOf);
    }

    private int duplicates() {
        int r = random.nextInt(100);
        return r < 50 ? 0 : r < 80 ? 1 : r < 95 ? 2 : 3;
    }

    // -- households and originals ------------------------------------------------------------------------------------

    private List<Person> household(int first, int room) {
        Address home = address();
        String homePhone = phone();
        String surname = surname();
        LocalDate headBirth = date(1940, 2000);
        int size = Math.min(room, 1 + random.nextInt(5));
        List<Person> members = new ArrayList<>(size);
        Set<String> names = new HashSet<>(); // a family does not give two members the same (sounding) name
        boolean headMale = random.nextBoolean();
        members.add(person(first, surname, headMale, headBirth, homePhone, home, names));
        if (size > 1) {
            // the spouse: another surname, a birth date near the head's, sometimes the same phone
            LocalDate spouseBirth = headBirth.plusDays(random.nextInt(3000) - 1500);
            members.add(person(first + 1, surname(), !headMale, spouseBirth,
                    random.nextInt(100) < 30 ? homePhone : phone(), home, names));
        }
        LocalDate latest = LocalDate.of(2025, 6, 30);
        for (int i = 2; i < size; i++) {
            // children: the family surname, born 20–40 years after the head, often with the parents' phone
            LocalDate birth = headBirth.plusDays(7300 + random.nextInt(7300));
            if (birth.isAfter(latest)) {
                long room18 = latest.toEpochDay() - headBirth.plusYears(18).toEpochDay();
                if (room18 <= 0) {
                    break;
                }
                birth = headBirth.plusYears(18).plusDays(random.nextInt((int) room18));
            }
            members.add(person(first + members.size(), surname, random.nextBoolean(), birth,
                    random.nextInt(100) < 60 ? homePhone : phone(), home, names));
        }
        return members;
    }

    private Person person(int n, String surname, boolean male, LocalDate birth, String phone, Address address,
            Set<String> familyNames) {
        String given = given(male);
        while (!familyNames.add(Pinyin.spell(surname + given))) {
            given = given(male);
        }
        // newborns and some visitors have no ID number on file
        String id = birth.getYear() >= 2025 || random.nextInt(100) < 3 ? null : idNumber(birth, male);
        return new Person(n, surname, given, male, birth, id, phone, address);
    }

    private PersonRecord original(Person p) {
        return PersonRecord.resident("cn-" + p.n() + "-org")
                .name(p.surname() + p.given())
                .birthDate(p.birth())
                .sex(p.male() ? "男" : "女")
                .phone(p.phone())
                .address(render(p.address(), p.address().prefix(), false, false))
                .idNumber(p.idNumber())
                .build();
    }

    private String surname() {
        double u = random.nextDouble();
        return SURNAMES[(int) (u * u * SURNAMES.length)];
    }

    private String given(boolean male) {
        String pool = male ? MALE : FEMALE;
        StringBuilder given = new StringBuilder().append(pool.charAt(random.nextInt(pool.length())));
        if (random.nextInt(100) < 75) {
            given.append(pool.charAt(random.nextInt(pool.length())));
        }
        return given.toString();
    }

    private LocalDate date(int fromYear, int toYear) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        return from.plusDays(random.nextInt((int) (LocalDate.of(toYear, 12, 31).toEpochDay() - from.toEpochDay())));
    }

    private String idNumber(LocalDate birth, boolean male) {
        while (true) {
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = String.format("530325%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth(), sequence);
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            if (idNumbers.add(id)) {
                return id;
            }
        }
    }

    private String phone() {
        while (true) {
            StringBuilder s = new StringBuilder("1").append((char) ('3' + random.nextInt(7)));
            for (int i = 0; i < 9; i++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            if (phones.add(s.toString())) {
                return s.toString();
            }
        }
    }

    private Address address() {
        String[] township = TOWNSHIPS[random.nextInt(TOWNSHIPS.length)];
        boolean urban = township[0].endsWith("街道");
        String place = String.valueOf(PLACE.charAt(random.nextInt(PLACE.length())))
                + PLACE.charAt(random.nextInt(PLACE.length()));
        if (urban) {
            place = ROADS.charAt(random.nextInt(ROADS.length())) + "" + ROADS.charAt(random.nextInt(ROADS.length()));
        }
        boolean flat = urban && random.nextInt(100) < 60;
        return new Address(township[0], township[1], place, urban, 1 + random.nextInt(12), 1 + random.nextInt(150),
                flat ? 1 + random.nextInt(20) : 0, flat ? 1 + random.nextInt(4) : 0,
                flat ? 100 * (1 + random.nextInt(18)) + 1 + random.nextInt(4) : 0, random.nextInt(3));
    }

    /**
     * An address as text. {@code prefix} 0 none, 1 county, 2 province to county; {@code abbreviated} drops 街道/镇
     * and 委会, and writes flats as 3-2-501; {@code fullWidth} uses full-width digits.
     */
    private static String render(Address a, int prefix, boolean abbreviated, boolean fullWidth) {
        StringBuilder s = new StringBuilder();
        s.append(prefix == 1 ? COUNTY : prefix == 2 ? FULL_PREFIX : "");
        s.append(abbreviated ? a.townshipShort() : a.township());
        if (a.urban()) {
            s.append(a.place()).append(abbreviated ? "社区" : "社区居委会").append(a.place()).append("路")
                    .append(a.number()).append("号");
            if (a.building() > 0) {
                s.append(abbreviated
                        ? a.building() + "-" + a.unit() + "-" + a.room()
                        : a.building() + "栋" + a.unit() + "单元" + a.room() + "室");
            }
        } else {
            s.append(a.place()).append(abbreviated ? "村" : "村委会").append(a.group()).append("组")
                    .append(a.number()).append(abbreviated ? "" : "号");
        }
        return fullWidth ? toFullWidth(s.toString()) : s.toString();
    }

    private static String toFullWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == '-' ? '－' : c);
        }
        return out.toString();
    }

    // -- duplicates ------------------------------------------------------------------------------------------------

    private PersonRecord duplicate(Person p, String id) {
        return PersonRecord.resident(id)
                .name(noisyName(p))
                .birthDate(noisyBirthDate(p.birth()))
                .sex(random.nextInt(100) < 5 ? null : random.nextBoolean() ? (p.male() ? "男" : "女")
                        : (p.male() ? "M" : "F"))
                .phone(noisyPhone(p.phone()))
                .address(noisyAddress(p.address()))
                .idNumber(random.nextInt(100) < 60 ? null : p.idNumber())
                .build();
    }

    private String noisyName(Person p) {
        int r = random.nextInt(100);
        String given = p.given();
        if (r < 12) {
            // a homophone: same pinyin, another character (丽 → 力), when the table has one
            int i = random.nextInt(given.length());
            String alternatives = HOMOPHONES.get(given.charAt(i));
            if (alternatives != null) {
                char c = alternatives.charAt(random.nextInt(alternatives.length()));
                given = given.substring(0, i) + c + given.substring(i + 1);
            }
        } else if (r < 16) {
            // a typo'd character: another character altogether
            int i = random.nextInt(given.length());
            String pool = p.male() ? MALE : FEMALE;
            char c = pool.charAt(random.nextInt(pool.length()));
            given = given.substring(0, i) + c + given.substring(i + 1);
        } else if (r < 19) {
            // the name in pinyin, as a system without Chinese input records it
            String surname = Pinyin.spell(p.surname());
            String pinyin = Pinyin.spell(given);
            String spelled = Character.toUpperCase(surname.charAt(0)) + surname.substring(1) + " "
                    + Character.toUpperCase(pinyin.charAt(0)) + pinyin.substring(1);
            return random.nextBoolean() ? spelled : spelled.toUpperCase(java.util.Locale.ROOT);
        } else if (r < 21) {
            // a space between surname and given name, as some forms print it
            return p.surname() + " " + given;
        }
        return p.surname() + given;
    }

    private String noisyBirthDate(LocalDate birth) {
        int y = birth.getYear();
        int m = birth.getMonthValue();
        int d = birth.getDayOfMonth();
        int r = random.nextInt(100);
        if (r < 8 && d <= 12 && d != m) {
            int t = m;
            m = d;
            d = t;
        } else if (r >= 8 && r < 12) {
            String digits = String.format("%04d%02d%02d", y, m, d);
            int i = 2 + random.nextInt(6); // a wrong digit, anywhere but the century
            char c = (char) ('0' + random.nextInt(10));
            String typo = digits.substring(0, i) + c + digits.substring(i + 1);
            return typo.substring(0, 4) + "-" + typo.substring(4, 6) + "-" + typo.substring(6);
        } else if (r >= 12 && r < 14) {
            return null;
        }
        int format = random.nextInt(10);
        if (format < 6) {
            return String.format("%04d-%02d-%02d", y, m, d);
        } else if (format < 8) {
            return y + "/" + m + "/" + d;
        } else if (format < 9) {
            return y + "年" + m + "月" + d + "日";
        }
        return String.format("%04d%02d%02d", y, m, d);
    }

    private String noisyPhone(String phone) {
        int r = random.nextInt(100);
        if (r < 20) {
            return null;
        }
        if (r < 35) {
            return phone();
        }
        if (r < 38) {
            int i = 3 + random.nextInt(8);
            return phone.substring(0, i) + (char) ('0' + random.nextInt(10)) + phone.substring(i + 1);
        }
        if (r < 43) {
            return "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        }
        return phone;
    }

    private String noisyAddress(Address a) {
        int r = random.nextInt(100);
        if (r < 10) {
            return null;
        }
        if (r < 15) {
            return render(address(), random.nextInt(3), false, false); // moved
        }
        int prefix = random.nextInt(100) < 50 ? a.prefix() : random.nextInt(3);
        boolean abbreviated = random.nextInt(100) < 40;
        boolean fullWidth = random.nextInt(100) < 10;
        return render(a, prefix, abbreviated, fullWidth);
    }

    private static Map<Character, String> homophones() {
        Map<String, StringBuilder> byReading = new LinkedHashMap<>();
        for (char c : HOMOPHONE_CANDIDATES.toCharArray()) {
            if (c != ' ') {
                byReading.computeIfAbsent(Pinyin.of(c), x -> new StringBuilder()).append(c);
            }
        }
        Map<Character, String> table = new HashMap<>();
        for (StringBuilder group : byReading.values()) {
            String chars = group.toString();
            for (int i = 0; i < chars.length(); i++) {
                String others = chars.substring(0, i) + chars.substring(i + 1);
                if (!others.isEmpty()) {
                    table.put(chars.charAt(i), others);
                }
            }
        }
        return Map.copyOf(table);
    }
}
