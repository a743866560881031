package org.huimin.demo;

import java.util.Set;
import java.util.UUID;

import org.huimin.account.AccountManagement;
import org.huimin.account.NewAccount;
import org.huimin.directory.Directory;
import org.huimin.directory.Organization;
import org.huimin.shared.PageRequest;
import org.huimin.shared.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The shared-record demo (dataset {@code records-v1}): {@code his}, the system account of the county people's
 * hospital's HIS, which sends records over FHIR.
 */
@Component
@ConditionalOnProperty(name = "huimin.demo.enabled", havingValue = "true")
class RecordsDemoData {

    static final String DATASET = "records-v1";

    private final Directory directory;
    private final AccountManagement accounts;

    RecordsDemoData(Directory directory, AccountManagement accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    String load(String regionName) {
        String hospitalName = regionName + "人民医院";
        UUID hospital = directory.organizations(Directory.OrganizationQuery.text(hospitalName), new PageRequest(0, 20))
                .items().stream().filter(o -> o.name().equals(hospitalName)).map(Organization::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo hospital " + hospitalName + " is missing"));
        accounts.open(new NewAccount("his", DemoDataLoader.DEMO_PASSWORD, hospitalName + " HIS",
                Set.of(Role.INSTITUTION_SYSTEM), hospital, null, null, null));
        return "1 institution system account (his)";
    }
}
