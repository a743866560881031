package org.huimin.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.huimin.account.AccountManagement;
import org.huimin.account.NewAccount;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.directory.Directory;
import org.huimin.directory.NewOrganization;
import org.huimin.directory.NewPractitioner;
import org.huimin.directory.OrganizationType;
import org.huimin.directory.PractitionerKind;
import org.huimin.directory.UnifiedSocialCreditCode;
import org.huimin.identity.NewResident;
import org.huimin.identity.Residents;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo county once: 21 organisations (hospitals, township and community health centres, village clinics,
 * pharmacies, CDC, 120 centre, government offices), 87 practitioners in 21 standard departments, 1,200 residents with
 * valid synthetic ID numbers, and the demo accounts (password {@value #DEMO_PASSWORD}). Deterministic: the same
 * seed gives the same people, except for random ids.
 */
@Component
@ConditionalOnProperty(name = "huimin.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    static final String DATASET = "county-v1";
    static final String DEMO_PASSWORD = "Huimin@2026";
    static final int RESIDENTS = 1200;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Directory directory;
    private final Residents residents;
    private final AccountManagement accounts;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final IdentityDemoData identity;
    private final SchedulingDemoData scheduling;
    private final RecordsDemoData records;
    private final String regionCode;
    private final String regionName;
    /** Townships of the demo county: code and name (NBS 2023 divisions). */
    private final List<String[]> townships = readTownships();

    DemoDataLoader(Directory directory, Residents residents, AccountManagement accounts, AuditLog audit,
            JdbcClient jdbc, IdentityDemoData identity, SchedulingDemoData scheduling, RecordsDemoData records,
            @Value("${huimin.region.code}") String regionCode,
            @Value("${huimin.region.name}") String regionName) {
        this.directory = directory;
        this.residents = residents;
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.identity = identity;
        this.scheduling = scheduling;
        this.records = records;
        this.regionCode = regionCode;
        this.regionName = regionName;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!loaded(DATASET)) {
            long started = System.nanoTime();
            String summary = load();
            log.info("Demo data '{}' loaded in {} ms: {}", DATASET, (System.nanoTime() - started) / 1_000_000,
                    summary);
        }
        if (!loaded(IdentityDemoData.DATASET)) {
            String summary = identity.load(regionCode, regionName);
            mark(IdentityDemoData.DATASET, summary);
            log.info("Demo data '{}' loaded: {}", IdentityDemoData.DATASET, summary);
        }
        if (!loaded(SchedulingDemoData.DATASET)) {
            String summary = scheduling.load();
            mark(SchedulingDemoData.DATASET, summary);
            log.info("Demo data '{}' loaded: {}", SchedulingDemoData.DATASET, summary);
        }
        if (!loaded(RecordsDemoData.DATASET)) {
            String summary = records.load(regionName);
            mark(RecordsDemoData.DATASET, summary);
            log.info("Demo data '{}' loaded: {}", RecordsDemoData.DATASET, summary);
        }
    }

    private boolean loaded(String dataset) {
        return jdbc.sql("select count(*) from demo_dataset where name = :n").param("n", dataset).query(Long.class)
                .single() > 0;
    }

    private void mark(String dataset, String summary) {
        jdbc.sql("insert into demo_dataset (name, loaded_at, summary) values (:n, :t, :s)").param("n", dataset)
                .param("t", OffsetDateTime.now(ZoneOffset.UTC)).param("s", summary).update();
        audit.record(new AuditEvent("system", "SYSTEM", null, null, "DEMO", "DEMO_DATA_LOAD", "DemoDataset", dataset,
                Outcome.SUCCESS, null, summary));
    }

    private String load() {
        SplittableRandom random = new SplittableRandom(20261124L);
        Map<String, UUID> orgs = new LinkedHashMap<>();

        // hospitals
        UUID people = org(orgs, random, regionName + "人民医院", OrganizationType.HOSPITAL, "3", "B", "12", 0);
        UUID tcm = org(orgs, random, regionName + "中医医院", OrganizationType.HOSPITAL, "2", "A", "12", 1);
        UUID mch = org(orgs, random, regionName + "妇幼保健院", OrganizationType.HOSPITAL, "2", "A", "12", 0);
        // community and township health centres
        List<UUID> centres = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String[] t = townships.get(i);
            boolean street = t[1].endsWith("街道");
            centres.add(org(orgs, random, t[1] + (street ? "社区卫生服务中心" : "卫生院"),
                    street ? OrganizationType.COMMUNITY_HEALTH_CENTRE : OrganizationType.TOWNSHIP_HEALTH_CENTRE,
                    "1", null, "12", i));
        }
        // village clinics
        String[] villages = {"沙营村", "海田村", "新厂村", "后所村", "大河村", "富村"};
        List<UUID> clinics = new ArrayList<>();
        for (int i = 0; i < villages.length; i++) {
            String[] t = townships.get(2 + i % (townships.size() - 2));
            clinics.add(org(orgs, random, t[1] + villages[i] + "卫生室", OrganizationType.VILLAGE_CLINIC, null, null,
                    "52", 2 + i % (townships.size() - 2)));
        }
        // pharmacies, public health, emergency, government
        List<UUID> pharmacies = List.of(
                org(orgs, random, "惠民大药房（中安店）", OrganizationType.RETAIL_PHARMACY, null, null, "91", 0),
                org(orgs, random, "康民药房（胜境店）", OrganizationType.RETAIL_PHARMACY, null, null, "91", 1),
                org(orgs, random, "百草堂药店（营上店）", OrganizationType.RETAIL_PHARMACY, null, null, "91", 2));
        UUID cdc = org(orgs, random, regionName + "疾病预防控制中心", OrganizationType.CDC, null, null, "12", 0);
        UUID emergency = org(orgs, random, regionName + "急救中心", OrganizationType.EMERGENCY_CENTRE, null, null, "12", 1);
        UUID commission = org(orgs, random, regionName + "卫生健康局", OrganizationType.GOVERNMENT_OFFICE, null, null, "11", 0);
        UUID insuranceBureau = org(orgs, random, regionName + "医疗保障局", OrganizationType.GOVERNMENT_OFFICE, null, null,
                "11", 0);

        // departments
        String[][] hospitalDepts = {{"03", "内科"}, {"04", "外科"}, {"05", "妇产科"}, {"07", "儿科"}, {"10", "眼科"},
                {"11", "耳鼻喉科"}, {"12", "口腔科"}, {"13", "皮肤科"}, {"16", "感染科"}, {"20", "急诊科"},
                {"26", "麻醉科"}, {"28", "重症医学科"}, {"30", "检验科"}, {"32", "影像科"}, {"50", "中医科"}};
        for (String[] d : hospitalDepts) {
            directory.addDepartment(people, d[0], d[1]);
        }
        for (String[] d : new String[][] {{"03", "内科"}, {"04", "外科"}, {"50", "中医内科"}, {"21", "康复科"},
                {"52", "针灸推拿科"}}) {
            directory.addDepartment(tcm, d[0], d[1]);
        }
        for (String[] d : new String[][] {{"05", "产科"}, {"06", "妇女保健科"}, {"07", "儿科"}, {"09", "儿童保健科"}}) {
            directory.addDepartment(mch, d[0], d[1]);
        }
        for (UUID c : centres) {
            for (String[] d : new String[][] {{"01", "预防保健科"}, {"02", "全科"}, {"03", "内科"}, {"07", "儿科"},
                    {"12", "口腔科"}, {"50", "中医科"}}) {
                directory.addDepartment(c, d[0], d[1]);
            }
        }
        for (UUID c : clinics) {
            directory.addDepartment(c, "02", "全科");
        }
        directory.addDepartment(cdc, "01", "预防保健科");
        directory.addDepartment(emergency, "20", "院前急救科");

        // practitioners
        Set<String> licences = new HashSet<>();
        Map<String, UUID> staffPractitioners = new LinkedHashMap<>();
        int count = 0;
        String[] doctorTitles = {"主任医师", "副主任医师", "主治医师", "住院医师"};
        for (String[] d : hospitalDepts) {
            int n = d[0].equals("03") || d[0].equals("04") ? 4 : 2;
            for (int i = 0; i < n; i++) {
                UUID id = practitioner(random, licences, PractitionerKind.DOCTOR, doctorTitles[(i + count) % 4],
                        specialties(d[0]), people, d[0]);
                if (d[0].equals("03") && i == 0) {
                    staffPractitioners.put("doctor", id);
                }
                count++;
            }
        }
        for (String code : new String[] {"03", "50", "50", "21", "52", "04"}) {
            practitioner(random, licences, PractitionerKind.DOCTOR, doctorTitles[count++ % 4], specialties(code), tcm,
                    code);
        }
        for (String code : new String[] {"05", "05", "07", "07", "06", "09"}) {
            practitioner(random, licences, PractitionerKind.DOCTOR, doctorTitles[count++ % 4], specialties(code), mch,
                    code);
        }
        for (int c = 0; c < centres.size(); c++) {
            UUID gp = practitioner(random, licences, PractitionerKind.DOCTOR, "主治医师", List.of("全科医学", "慢病管理"),
                    centres.get(c), "02");
            if (c == 2) {
                staffPractitioners.put("familydoctor", gp);
            }
            practitioner(random, licences, PractitionerKind.DOCTOR, "住院医师", List.of("预防接种", "儿童保健"),
                    centres.get(c), "01");
            practitioner(random, licences, PractitionerKind.NURSE, "护师", List.of("预防接种"), centres.get(c), "01");
        }
        for (UUID c : clinics) {
            practitioner(random, licences, PractitionerKind.DOCTOR, "乡村医生", List.of("基本医疗", "公共卫生"), c, "02");
        }
        String[] nurseTitles = {"主任护师", "副主任护师", "主管护师", "护师", "护士"};
        String[] nurseDepts = {"03", "04", "05", "07", "20", "28", "03", "04", "20", "07"};
        for (int i = 0; i < nurseDepts.length; i++) {
            UUID id = practitioner(random, licences, PractitionerKind.NURSE, nurseTitles[i % 5], List.of("临床护理"),
                    people, nurseDepts[i]);
            if (i == 0) {
                staffPractitioners.put("nurse", id);
            }
        }
        String[] pharmacistTitles = {"主任药师", "主管药师", "药师"};
        for (int i = 0; i < 3; i++) {
            UUID id = practitioner(random, licences, PractitionerKind.PHARMACIST, pharmacistTitles[i],
                    List.of("处方审核", "临床药学"), people, null);
            if (i == 1) {
                staffPractitioners.put("pharmacist", id);
            }
        }
        practitioner(random, licences, PractitionerKind.PHARMACIST, "主管药师", List.of("中药调剂"), tcm, null);
        for (UUID p : pharmacies) {
            practitioner(random, licences, PractitionerKind.PHARMACIST, "执业药师", List.of("药学服务"), p, null);
        }
        for (int i = 0; i < 2; i++) {
            practitioner(random, licences, PractitionerKind.DOCTOR, "主治医师", List.of("院前急救"), emergency, "20");
        }
        practitioner(random, licences, PractitionerKind.DOCTOR, "副主任医师", List.of("传染病防控", "流行病学"), cdc, "01");

        // residents
        List<NewResident> people1 = residents(random);
        List<UUID> residentIds = residents.register(people1);

        // accounts
        String pw = DEMO_PASSWORD;
        account("admin", "平台管理员", Role.PLATFORM_ADMIN, commission, null, null, pw);
        account("auditor", "审计员", Role.AUDITOR, commission, null, null, pw);
        account("doctor", "门诊医生", Role.CLINICIAN, people, staffPractitioners.get("doctor"), null, pw);
        account("familydoctor", "家庭医生", Role.FAMILY_DOCTOR, centres.get(2), staffPractitioners.get("familydoctor"),
                null, pw);
        account("pharmacist", "审方药师", Role.PHARMACIST, people, staffPractitioners.get("pharmacist"), null, pw);
        account("nurse", "护士", Role.NURSE, people, staffPractitioners.get("nurse"), null, pw);
        account("scheduler", "号源管理员", Role.SCHEDULER, people, null, null, pw);
        account("pharmacy", "药店店员", Role.PHARMACY, pharmacies.get(0), null, null, pw);
        account("cdc", "疾控专员", Role.CDC, cdc, null, null, pw);
        account("clerk", "政务窗口", Role.CLERK, commission, null, null, pw);
        account("insurance", "医保专员", Role.INSURANCE, insuranceBureau, null, null, pw);
        account("dispatcher", "120调度员", Role.DISPATCHER, emergency, null, null, pw);
        // the demo resident is middle-aged (45 to 55), old enough to act for an elderly parent
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        int chosen = 0;
        for (int i = 0; i < people1.size(); i++) {
            int age = java.time.Period.between(people1.get(i).idNumber().birthDate(), today).getYears();
            if (age >= 45 && age <= 55 && people1.get(i).phone() != null) {
                chosen = i;
                break;
            }
        }
        NewResident first = people1.get(chosen);
        accounts.open(new NewAccount("resident", pw, first.name(), Set.of(Role.RESIDENT), null, null,
                residentIds.get(chosen), first.phone()));

        String summary = orgs.size() + " organisations, " + licences.size() + " practitioners, "
                + residentIds.size() + " residents, 13 accounts";
        mark(DATASET, summary);
        return summary;
    }

    private void account(String username, String name, Role role, UUID org, UUID practitioner, UUID resident,
            String password) {
        accounts.open(new NewAccount(username, password, name, Set.of(role), org, practitioner, resident,
                "1390872" + String.format("%04d", Math.abs(username.hashCode()) % 10000)));
    }

    private UUID org(Map<String, UUID> orgs, SplittableRandom random, String name, OrganizationType type, String level,
            String grade, String usccPrefix, int townshipIndex) {
        String[] t = townships.get(Math.min(townshipIndex, townships.size() - 1));
        String body = usccPrefix + regionCode + randomChars(random, 9);
        String uscc = body + UnifiedSocialCreditCode.checkCharacter(body);
        // around the county seat (25.67 N, 104.25 E); GCJ-02 like the county GeoJSON
        BigDecimal lat = BigDecimal.valueOf(25.67 + (random.nextDouble() - 0.5) * 0.6).setScale(6, RoundingMode.HALF_UP);
        BigDecimal lon = BigDecimal.valueOf(104.25 + (random.nextDouble() - 0.5) * 0.5).setScale(6, RoundingMode.HALF_UP);
        String address = "云南省曲靖市" + regionName + t[1] + (random.nextInt(200) + 1) + "号";
        UUID id = directory.addOrganization(new NewOrganization(name, type, level, grade, uscc, t[0], address,
                "0874-" + (4600000 + random.nextInt(99999)), lat, lon));
        orgs.put(name, id);
        return id;
    }

    private static String randomChars(SplittableRandom random, int n) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i < 2 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private UUID practitioner(SplittableRandom random, Set<String> licences, PractitionerKind kind, String title,
            List<String> specialties, UUID org, String dept) {
        boolean male = kind == PractitionerKind.NURSE ? random.nextInt(10) == 0 : random.nextBoolean();
        String licence;
        do {
            licence = switch (kind) {
                case DOCTOR -> "1" + (10 + random.nextInt(10)) + "530000" + String.format("%06d", random.nextInt(1_000_000));
                case NURSE -> "20" + (10 + random.nextInt(15)) + "53" + String.format("%06d", random.nextInt(1_000_000));
                case PHARMACIST -> "YS53" + (2010 + random.nextInt(15)) + String.format("%05d", random.nextInt(100_000));
            };
        } while (!licences.add(kind + licence));
        return directory.addPractitioner(new NewPractitioner(ChineseNames.next(random, male), kind,
                male ? "MALE" : "FEMALE", title, licence, specialties,
                List.of(new NewPractitioner.Site(org, dept, true))));
    }

    private static List<String> specialties(String dept) {
        return switch (dept) {
            case "03" -> List.of("高血压", "糖尿病", "心血管内科");
            case "04" -> List.of("普通外科", "骨科");
            case "05", "06" -> List.of("产科", "妇科");
            case "07", "09" -> List.of("儿童常见病", "新生儿");
            case "10" -> List.of("白内障", "青光眼");
            case "11" -> List.of("鼻炎", "听力");
            case "12" -> List.of("牙体牙髓", "口腔修复");
            case "13" -> List.of("湿疹", "皮炎");
            case "16" -> List.of("肝炎", "结核病");
            case "20" -> List.of("急危重症");
            case "21" -> List.of("康复治疗");
            case "26" -> List.of("临床麻醉");
            case "28" -> List.of("重症监护");
            case "30" -> List.of("临床检验");
            case "32" -> List.of("放射诊断", "超声");
            case "50", "52" -> List.of("中医内科", "针灸");
            default -> List.of("全科医学");
        };
    }

    /** Residents of all ages, roughly the shape of a rural county's population pyramid. */
    private List<NewResident> residents(SplittableRandom random) {
        List<NewResident> list = new ArrayList<>(RESIDENTS);
        Set<String> ids = new HashSet<>();
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        while (list.size() < RESIDENTS) {
            int age = ageDraw(random);
            LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
            boolean male = random.nextBoolean();
            int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
            String body = regionCode + birth.toString().replace("-", "") + String.format("%03d", seq);
            String idNumber = body + ResidentIdNumber.checkCharacter(body);
            if (!ids.add(idNumber)) {
                continue;
            }
            String[] t = townships.get(random.nextInt(townships.size()));
            String phone = age < 14 ? null
                    : "1" + "3578".charAt(random.nextInt(4)) + random.nextInt(10) + String.format("%08d",
                            random.nextInt(100_000_000));
            String address = "云南省曲靖市" + regionName + t[1] + (random.nextInt(30) + 1) + "组"
                    + (random.nextInt(99) + 1) + "号";
            list.add(new NewResident(new ResidentIdNumber(idNumber), ChineseNames.next(random, male), phone, t[0],
                    address));
        }
        return list;
    }

    private static int ageDraw(SplittableRandom random) {
        // a rural county: many children and elderly, fewer working-age adults (who migrate for work)
        int bucket = random.nextInt(100);
        if (bucket < 18) {
            return random.nextInt(15);
        }
        if (bucket < 70) {
            return 15 + random.nextInt(45);
        }
        return 60 + random.nextInt(31);
    }

    private static List<String[]> readTownships() {
        try (var in = new BufferedReader(new InputStreamReader(
                DemoDataLoader.class.getResourceAsStream("/demo/townships-530325.csv"), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
