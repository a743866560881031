package org.huimin.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.huimin.account.AccountManagement;
import org.huimin.account.AccountSummary;
import org.huimin.account.NewAccount;
import org.huimin.identity.DocumentType;
import org.huimin.identity.IncomingPerson;
import org.huimin.identity.NewResident;
import org.huimin.identity.ProxyPermission;
import org.huimin.identity.Proxies;
import org.huimin.identity.Relation;
import org.huimin.identity.Residents;
import org.huimin.shared.PageRequest;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.Sex;
import org.huimin.shared.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The one-code demo (dataset {@code identity-v1}): {@code elder}, aged 78 without a smartphone, whose child
 * {@code resident} is her confirmed proxy; {@code resident2}, unrelated to both; and a few records that arrived
 * without ID numbers: one linked
 * automatically, one in the master-index review queue, one newborn.
 */
@Component
@ConditionalOnProperty(name = "huimin.demo.enabled", havingValue = "true")
class IdentityDemoData {

    static final String DATASET = "identity-v1";

    private final Residents residents;
    private final AccountManagement accounts;
    private final Proxies proxies;

    IdentityDemoData(Residents residents, AccountManagement accounts, Proxies proxies) {
        this.residents = residents;
        this.accounts = accounts;
        this.proxies = proxies;
    }

    String load(String regionCode, String regionName) {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        String address = "云南省曲靖市" + regionName + "中安街道";
        ResidentIdNumber elderId = idNumber(regionCode, today.minusYears(78).minusDays(41), 62);
        ResidentIdNumber secondId = idNumber(regionCode, today.minusYears(41).minusDays(120), 317);
        List<UUID> ids = residents.register(List.of(
                new NewResident(elderId, "王秀英", null, regionCode + "001", address + "胜境社区12组8号"),
                new NewResident(secondId, "李建国", "13987400317", regionCode + "002", address + "西河社区3组21号")));
        UUID elder = ids.get(0);
        UUID second = ids.get(1);
        accounts.open(new NewAccount("elder", DemoDataLoader.DEMO_PASSWORD, "王秀英", Set.of(Role.RESIDENT), null, null,
                elder, null));
        accounts.open(new NewAccount("resident2", DemoDataLoader.DEMO_PASSWORD, "李建国", Set.of(Role.RESIDENT), null,
                null, second, "13987400317"));
        UUID resident = accounts.search("resident", PageRequest.of(0, 50)).items().stream()
                .filter(a -> a.username().equals("resident")).map(AccountSummary::residentId).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo account 'resident' is missing"));
        // the elder's child acts for her: verified in person at the county service window
        proxies.bindVerified(resident, elder, Relation.PARENT, EnumSet.allOf(ProxyPermission.class));

        // records that arrived without an ID number: the elder from a clinic's feed (a homophone in her given name,
        // same birth date and address: linked to her at once, the clinic's record number attached); a hospital's
        // record that may be resident2 (one character and the phone differ: a review for staff); and a newborn
        residents.resolve(new IncomingPerson("王秀瑛", Sex.FEMALE, elderId.birthDate(), null,
                address + "胜境社区12组8号", null, List.of(new IncomingPerson.Document(DocumentType.MRN,
                        "胜境社区卫生服务站", "MZ20240117")), "demo"));
        residents.resolve(new IncomingPerson("李建军", Sex.MALE, secondId.birthDate(), "13987400318", null, null,
                List.of(new IncomingPerson.Document(DocumentType.MRN, regionName + "人民医院", "ZY2025003317")),
                "demo"));
        residents.resolve(new IncomingPerson("李小满", Sex.MALE, today.minusDays(9), "13987400317",
                address + "西河社区3组21号", null, List.of(new IncomingPerson.Document(DocumentType.BIRTH_CERTIFICATE,
                        "", "Q530325" + today.getYear() + "0917")), "demo"));
        return "2 residents with accounts (elder, resident2), 1 proxy, 3 records without ID numbers";
    }

    private static ResidentIdNumber idNumber(String region, LocalDate birth, int sequence) {
        String body = region + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return new ResidentIdNumber(body + ResidentIdNumber.checkCharacter(body));
    }
}
