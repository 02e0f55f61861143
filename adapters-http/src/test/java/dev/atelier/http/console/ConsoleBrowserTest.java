package dev.atelier.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser against the real server (H2): what a user does, start to end,
 * through the page only — sign-in, the project list, creating by hand and from a PDF and a CSV with
 * the draft reviewed first, members, params and timeline, export and re-import, workspaces, keys —
 * and the error paths (a bad key, a revoked key, an administrator's page for a user, a 400). After
 * every test the page must have logged no error (no script exception, no Content-Security-Policy
 * violation) and requested nothing from another origin.
 *
 * <p>With {@code ATELIER_CONSOLE_SCREENSHOTS=<dir>} the tests save the main pages there
 * ({@code scripts/console-screenshots.sh} refreshes {@code docs/images}).
 */
@Tag("slow")
class ConsoleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration ANALYSIS = Duration.ofSeconds(120);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static AtelierServer server;
    private static Browser browser;
    private static String base;

    @TempDir
    Path files;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        server = AtelierServer.start(Map.of());
        base = server.uri("").toString();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void the_page_logged_no_error_and_asked_no_other_origin() {
        assertThat(browser.takeProblems()).as("errors logged by the page").isEmpty();
        // the browser's own pages (chrome://) load their parts too; the page's requests go to the server
        assertThat(browser.takeRequests())
                .as("network requests of the page")
                .filteredOn(url -> !url.startsWith("chrome://") && !url.startsWith("blob:") && !url.startsWith("data:"))
                .allSatisfy(url -> assertThat(url).startsWith(base + "/"));
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    // ---- sign-in and its errors -------------------------------------------------------------

    @Test
    void a_bad_key_is_refused_in_words_and_a_good_one_signs_in_with_the_keyboard() {
        TestUser ana = server.createUser("Ana Lima", "acme");
        freshTab();
        WebElement key = waitFor(By.name("api_key"));
        shot("console-sign-in");

        key.sendKeys("atl_not_a_real_key", Keys.ENTER);
        waitForText(By.id("alert"), "Sign-in failed: invalid or revoked credentials");
        assertThat(driver().getCurrentUrl()).endsWith("#/signin");

        key.clear();
        key.sendKeys(ana.token(), Keys.ENTER);
        waitForHeading("Projects");
        assertThat(text(By.id("notice"))).contains("Signed in as Ana Lima");
        assertThat(text(By.id("who-name"))).contains(ana.email());
        assertThat(driver().findElement(By.id("nav-admin")).isDisplayed())
                .as("no administration for a user")
                .isFalse();
        assertThat((String) js("return sessionStorage.getItem('atelier.apiKey')"))
                .isEqualTo(ana.token());
        assertThat(driver().manage().getCookies())
                .as("the key is never a cookie")
                .isEmpty();

        click(By.id("sign-out"));
        waitForHeading("Sign in to Atelier");
        assertThat((Object) js("return sessionStorage.getItem('atelier.apiKey')"))
                .isNull();
    }

    @Test
    void a_key_revoked_while_signed_in_returns_to_sign_in_with_the_reason() {
        TestUser bo = server.createUser("Bo Revoked");
        JsonNode issued = server.post("/api/v1/admin/users/" + bo.id() + "/keys", AtelierServer.ADMIN_TOKEN, Map.of())
                .data();
        signIn(issued.path("api_key").asText(), "Projects");

        server.delete("/api/v1/admin/keys/" + issued.path("key_id").asText(), AtelierServer.ADMIN_TOKEN);
        click(By.linkText("Workspaces"));

        waitForHeading("Sign in to Atelier");
        assertThat(text(By.id("alert")))
                .contains("You were signed out because the server refused your API key")
                .contains("invalid or revoked credentials");
    }

    @Test
    void a_user_who_opens_the_administration_page_is_told_it_is_not_allowed() {
        TestUser cy = server.createUser("Cy User");
        signIn(cy.token(), "Projects");

        open("#/admin");

        waitForHeading("Not allowed");
        assertThat(text(By.cssSelector("main .alert"))).contains("only administrators may");
    }

    // ---- projects ---------------------------------------------------------------------------

    @Test
    void projects_are_listed_with_totals_searched_sorted_and_paged() {
        TestUser dee = server.createUser("Dee Lister");
        for (int i = 1; i <= 12; i++) {
            create(dee, String.format("Alpha %02d", i), "Routine project number " + i);
        }
        create(dee, "Churn radar", "Which customers are about to leave");
        signIn(dee.token(), "Projects");

        Select size = new Select(waitFor(By.name("limit")));
        size.selectByValue("10");
        click(By.cssSelector("form[role=search] button[type=submit]"));
        waitForText(By.cssSelector("#projects-table caption"), "Projects 1–10 of 13");
        shot("console-projects");
        click(By.linkText("Next page"));
        waitForText(By.cssSelector("#projects-table caption"), "Projects 11–13 of 13");
        assertThat(text(By.id("page-status"))).contains("Page 2 of 2");

        WebElement search = waitFor(By.name("search"));
        search.clear();
        search.sendKeys("churn", Keys.ENTER);
        waitForText(By.cssSelector("#projects-table caption"), "Projects 1–1 of 1 matching “churn”");
        assertThat(projectLinks()).containsExactly("Churn radar");

        search = waitFor(By.name("search"));
        search.clear();
        new Select(waitFor(By.name("sort"))).selectByValue("name");
        new Select(waitFor(By.name("dir"))).selectByValue("asc");
        click(By.cssSelector("form[role=search] button[type=submit]"));
        waitForText(By.cssSelector("#projects-table caption"), "Projects 1–10 of 13");
        assertThat(projectLinks()).startsWith("Alpha 01", "Alpha 02");

        search = waitFor(By.name("search"));
        search.sendKeys("nothing like this", Keys.ENTER);
        waitForText(By.id("projects-empty"), "No project matches “nothing like this”.");
    }

    @Test
    void a_project_created_by_hand_opens_on_its_page_and_a_taken_name_is_refused_in_words() {
        TestUser eve = server.createUser("Eve Maker");
        create(eve, "Fraud screening", null);
        signIn(eve.token(), "Projects");
        click(By.linkText("New project"));
        waitForHeading("New project");
        shot("console-new-project");

        type(By.cssSelector("#create-form [name=name]"), "Fraud screening");
        click(By.cssSelector("#create-form button[type=submit]"));
        waitForText(By.id("alert"), "The project was not created: a project named 'Fraud screening' already exists");

        type(By.cssSelector("#create-form [name=name]"), "Fraud screening v2");
        type(By.cssSelector("#create-form [name=description]"), "Second attempt, with card data");
        click(By.cssSelector("#create-form button[type=submit]"));

        waitForHeading("Fraud screening v2");
        assertThat(text(By.id("notice"))).contains("Project “Fraud screening v2” created.");
        assertThat(text(By.id("project-role"))).isEqualTo("owner");
        assertThat(text(By.id("details-title"))).isEqualTo("Details");
        String id = currentProjectId();

        // deleting asks first: Escape keeps the project, Delete removes it
        click(By.id("delete-project"));
        waitFor(By.id("confirm-cancel")).sendKeys(Keys.ESCAPE);
        new WebDriverWait(driver(), WAIT)
                .until(d -> !d.findElement(By.id("confirm")).isDisplayed());
        assertThat(server.get("/api/projects/" + id, eve.token()).status()).isEqualTo(200);
        click(By.id("delete-project"));
        waitFor(By.id("confirm-ok")).click();
        waitForText(By.id("notice"), "“Fraud screening v2” was deleted.");
        waitForHeading("Projects");
        assertThat(server.get("/api/projects/" + id, eve.token()).status()).isEqualTo(404);
    }

    @Test
    void a_server_side_400_is_shown_with_its_message_and_nothing_changes() {
        TestUser fay = server.createUser("Fay Params");
        String id = create(fay, "Params guard", null);
        signIn(fay.token(), "Projects");
        open("#/projects/" + id);
        waitForHeading("Params guard");

        WebElement params = waitFor(By.cssSelector("#params-form textarea"));
        params.clear();
        params.sendKeys("{\"version\": 3}");
        click(By.cssSelector("#params-form button[type=submit]"));

        waitForText(By.id("alert"), "The params were not saved: 'version' is reserved");
        assertThat(text(By.id("params-version"))).isEqualTo("Current version: 0");
        assertThat(server.get("/api/projects/" + id + "/params", fay.token())
                        .json()
                        .path("history"))
                .hasSize(1);

        params = waitFor(By.cssSelector("#params-form textarea"));
        params.clear();
        params.sendKeys("{\"learning_rate\": 0.01, \"epochs\": 5}");
        type(By.cssSelector("#params-form [name=instruction]"), "first real try");
        click(By.cssSelector("#params-form button[type=submit]"));
        waitForText(By.id("notice"), "Params saved as version 1.");
        waitForText(By.id("params-current"), "\"epochs\": 5");
        assertThat(text(By.id("params-history"))).contains("Version 1", "first real try", "Version 0");
    }

    @Test
    void a_draft_from_a_pdf_and_a_csv_is_shown_edited_confirmed_and_its_files_attached() throws IOException {
        TestUser gus = server.createUser("Gus Drafter");
        signIn(gus.token(), "Projects");
        Path pdf = write("store-report.pdf", pdf("Weekly sales report: demand per store rose before holidays."));
        Path csv = write(
                "weekly_sales.csv",
                "store,week,units_sold,promotion\n1,1,120,0\n1,2,135,1\n2,1,80,0\n2,2,95,1\n"
                        .getBytes(StandardCharsets.UTF_8));
        open("#/new");
        waitForHeading("New project");

        // a draft that is discarded saves nothing
        type(By.cssSelector("#context-form [name=context]"), "Classify support tickets by urgency");
        click(By.cssSelector("#context-form button[type=submit]"));
        waitForText(By.id("draft-title"), "Review the draft", ANALYSIS);
        click(By.id("draft-discard"));
        waitForText(By.id("notice"), "Draft discarded: nothing was saved.");
        assertThat(server.get("/api/projects", gus.token()).json().path("total").asInt())
                .isZero();

        WebElement context = waitFor(By.cssSelector("#context-form [name=context]"));
        context.clear();
        context.sendKeys("Forecast weekly demand per store so that stock follows promotions");
        waitFor(By.id("context-files")).sendKeys(pdf + "\n" + csv);
        waitForText(By.id("chosen-files"), "weekly_sales.csv");
        click(By.cssSelector("#context-form button[type=submit]"));

        waitForText(By.id("draft-title"), "Review the draft", ANALYSIS);
        assertThat(text(By.id("notice"))).contains("Nothing is saved until you create the project");
        assertThat(text(By.id("draft-by"))).contains("Drafted by offline");
        String documents = text(By.id("draft-documents"));
        assertThat(documents).contains("store-report.pdf", "weekly_sales.csv");
        assertThat(cells(By.cssSelector("#draft-documents tbody tr:nth-child(1) td")))
                .as("the PDF: one page")
                .contains("1");
        assertThat(cells(By.cssSelector("#draft-documents tbody tr:nth-child(2) td")))
                .as("the CSV: 4 rows, 4 columns")
                .contains("4");
        assertThat(value(By.id("draft-name"))).isNotBlank();
        // the analyzer's scores when it gives them, or a sentence saying it gave none
        assertThat(text(By.id("draft-type-score")))
                .matches("Analyzer: .*(confidence \\d\\.\\d\\d|threshold|no score).*|no score from this analyzer");
        assertThat(text(By.id("draft-domain-score"))).isNotBlank();
        assertThat(text(By.id("draft-template-score"))).isNotBlank();
        assertThat(server.get("/api/projects", gus.token()).json().path("total").asInt())
                .as("nothing saved before confirmation")
                .isZero();
        js("document.getElementById('draft-review').scrollIntoView(); window.scrollBy(0, -70)");
        shot("console-draft-review");

        type(By.id("draft-name"), "Store demand forecast");
        type(By.id("draft-type"), "forecasting");
        type(By.id("draft-domain"), "retail");
        type(By.id("draft-tags"), "retail, demand, weekly");
        type(By.id("draft-params"), "{\"horizon_weeks\": 6}");
        click(By.id("draft-confirm"));

        waitForHeading("Store demand forecast", ANALYSIS);
        assertThat(text(By.id("notice"))).contains("Project “Store demand forecast” created with 2 files attached.");
        assertThat(text(By.id("documents-table"))).contains("store-report.pdf", "weekly_sales.csv", "dataset");
        assertThat(text(By.id("params-current"))).contains("\"horizon_weeks\": 6");
        assertThat(text(By.cssSelector("dl.facts"))).contains("forecasting", "retail", "demand", "weekly");
        shot("console-project");

        JsonNode stored = server.get("/api/v1/projects/load?project_id=" + currentProjectId(), gus.token())
                .data();
        assertThat(stored.path("type").asText()).isEqualTo("forecasting");
        assertThat(stored.path("metadata").path("tags").toString()).isEqualTo("[\"retail\",\"demand\",\"weekly\"]");
        assertThat(stored.path("params").path("horizon_weeks").asInt()).isEqualTo(6);
    }

    @Test
    void members_are_added_re_roled_and_removed_within_the_role_rules() {
        TestUser hal = server.createUser("Hal Owner", "acme");
        TestUser ivy = server.createUser("Ivy Colleague", "acme");
        String id = create(hal, "Shared models", "For the whole team");
        signIn(hal.token(), "Projects");
        open("#/projects/" + id);
        waitForHeading("Shared models");

        type(By.cssSelector("#add-member [name=email]"), "nobody-" + NAMES.incrementAndGet() + "@example.com");
        click(By.cssSelector("#add-member button[type=submit]"));
        waitForText(By.id("alert"), "The member was not added:");
        assertThat(text(By.id("alert"))).contains("no registered user has the email");

        type(By.cssSelector("#add-member [name=email]"), ivy.email());
        new Select(waitFor(By.cssSelector("#add-member [name=role]"))).selectByValue("editor");
        click(By.cssSelector("#add-member button[type=submit]"));
        waitForText(By.id("notice"), ivy.email() + " was added as editor.");
        waitForText(By.id("members-table"), ivy.email());

        new Select(waitFor(By.cssSelector("select[aria-label='Role of " + ivy.email() + "']"))).selectByValue("viewer");
        waitForText(By.id("notice"), ivy.email() + " is now viewer.");

        click(By.cssSelector("button[aria-label='Remove " + ivy.email() + "']"));
        waitFor(By.id("confirm-ok")).click();
        waitForText(By.id("notice"), ivy.email() + " was removed from the project.");
        waitForText(By.id("timeline"), "member removed");
        assertThat(text(By.id("members-table"))).doesNotContain(ivy.email()).contains("owner of record");

        // a viewer sees the members but is offered no way to change them
        server.post("/api/projects/" + id + "/members", hal.token(), Map.of("email", ivy.email(), "role", "viewer"));
        signIn(ivy.token(), "Projects");
        open("#/projects/" + id);
        waitForHeading("Shared models");
        assertThat(text(By.id("project-role"))).isEqualTo("viewer");
        assertThat(driver().findElements(By.id("add-member"))).isEmpty();
        assertThat(driver().findElements(By.id("params-form"))).isEmpty();
        assertThat(driver().findElements(By.id("delete-project"))).isEmpty();
    }

    @Test
    void the_timeline_tells_what_happened_and_archiving_is_one_click() {
        TestUser jo = server.createUser("Jo Timeline");
        String id = create(jo, "Churn timeline", null);
        server.send(server.request("/api/projects/" + id + "/params", jo.token())
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"params\": {\"k\": 1}}"))
                .build());
        signIn(jo.token(), "Projects");
        open("#/projects/" + id);
        waitForHeading("Churn timeline");

        click(By.id("archive-toggle"));
        waitForText(By.id("notice"), "“Churn timeline” is archived.");
        waitForText(By.id("project-status"), "archived");

        List<String> types = driver().findElements(By.cssSelector("#timeline li")).stream()
                .map(li -> li.getAttribute("data-type"))
                .toList();
        assertThat(types).containsExactly("archived", "params_changed", "created");
        assertThat(text(By.id("timeline"))).contains("params changed", "version: 1");

        click(By.id("archive-toggle"));
        waitForText(By.id("notice"), "“Churn timeline” is active again.");
    }

    @Test
    void a_project_exported_as_zip_and_as_json_is_imported_again_as_new_projects() {
        TestUser kim = server.createUser("Kim Mover");
        String id = create(kim, "Portable model", "Moves between installations");
        ResourceUpload.csv(server, kim.token(), id, "measurements.csv", "a,b\n1,2\n3,4\n");
        signIn(kim.token(), "Projects");
        open("#/projects/" + id);
        waitForHeading("Portable model");

        click(By.id("export-zip"));
        waitForText(By.id("notice"), "Exported “Portable model” as project-" + id + ".zip");
        Path zip = downloaded("project-" + id + ".zip");
        click(By.id("export-json"));
        waitForText(By.id("notice"), "Exported “Portable model” as project-" + id + ".json");
        Path json = downloaded("project-" + id + ".json");

        click(By.linkText("Import"));
        waitForHeading("Import");
        shot("console-import");
        waitFor(By.id("import-file")).sendKeys(zip.toString());
        click(By.cssSelector("#import-form button[type=submit]"));
        waitForText(By.id("notice"), "from project-" + id + ".zip as a new project.", ANALYSIS);
        String fromZip = currentProjectId();
        assertThat(fromZip).isNotEqualTo(id);
        assertThat(waitFor(By.tagName("h1")).getText()).startsWith("Portable model");
        waitForText(By.id("documents-table"), "measurements.csv");

        open("#/import");
        waitForHeading("Import");
        waitFor(By.id("import-file")).sendKeys(json.toString());
        click(By.cssSelector("#import-form button[type=submit]"));
        waitForText(By.id("notice"), "from project-" + id + ".json as a new project.", ANALYSIS);
        assertThat(currentProjectId()).isNotIn(id, fromZip);
        assertThat(server.get("/api/projects", kim.token()).json().path("total").asInt())
                .isEqualTo(3);
    }

    @Test
    void a_workspace_is_created_opened_filled_exported_and_imported() {
        TestUser lu = server.createUser("Lu Workspaces");
        signIn(lu.token(), "Projects");
        click(By.linkText("Workspaces"));
        waitForHeading("Workspaces");

        type(By.cssSelector("#workspace-form [name=name]"), "Forecasting lab");
        type(By.cssSelector("#workspace-form [name=description]"), "Demand and supply models");
        click(By.cssSelector("#workspace-form button[type=submit]"));
        waitForHeading("Forecasting lab");
        String workspace = driver().getCurrentUrl().replaceAll(".*#/workspaces/", "");

        type(By.cssSelector("#workspace-project-form [name=name]"), "Supply plan");
        click(By.cssSelector("#workspace-project-form button[type=submit]"));
        waitForHeading("Supply plan");
        assertThat(text(By.cssSelector("dl.facts"))).contains("Forecasting lab");

        open("#/workspaces/" + workspace);
        waitForHeading("Forecasting lab");
        assertThat(text(By.cssSelector("main table"))).contains("Supply plan");
        shot("console-workspace");
        click(By.id("export-workspace"));
        waitForText(By.id("notice"), "Exported “Forecasting lab” as workspace-" + workspace + ".json");
        Path export = downloaded("workspace-" + workspace + ".json");

        open("#/import");
        waitForHeading("Import");
        waitFor(By.id("import-file")).sendKeys(export.toString());
        click(By.cssSelector("#import-form button[type=submit]"));
        waitForText(By.id("notice"), "Imported 1 project from workspace-" + workspace + ".json", ANALYSIS);
        assertThat(server.get("/api/projects", lu.token()).json().path("total").asInt())
                .isEqualTo(2);
    }

    // ---- administration ---------------------------------------------------------------------

    @Test
    void an_administrator_sees_the_server_issues_a_key_shown_once_and_revokes_it() {
        TestUser mo = server.createUser("Mo Keyholder");
        signIn(AtelierServer.ADMIN_TOKEN, "Projects");
        assertThat(waitFor(By.id("nav-admin")).isDisplayed()).isTrue();
        click(By.id("nav-admin"));
        waitForHeading("Administration");

        assertThat(text(By.id("server-facts"))).contains("H2", "offline", "all-MiniLM-L6-v2");
        assertThat(unlabelledControls()).as("controls without a label").isEmpty();
        assertThat(text(By.id("users-table"))).contains(mo.email());

        click(By.cssSelector("button[aria-label='Issue a new key for " + mo.email() + "']"));
        waitForText(By.id("new-key"), "shown only this once");
        String token = text(By.id("new-key-value"));
        assertThat(server.get("/api/v1/me", token).status()).isEqualTo(200);
        shot("console-admin");

        String keyId = token.split("_")[1];
        click(By.cssSelector("button[aria-label='Revoke key " + keyId + " of " + mo.email() + "']"));
        waitFor(By.id("confirm-ok")).click();
        waitForText(By.id("notice"), "Key " + keyId + " of " + mo.email() + " was revoked.");
        assertThat(driver().findElements(By.id("new-key")))
                .as("a key is shown once")
                .isEmpty();
        assertThat(server.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/me", mo.token()).status()).isEqualTo(200);

        type(By.cssSelector("#user-form [name=email]"), "nia-" + NAMES.incrementAndGet() + "@example.com");
        type(By.cssSelector("#user-form [name=name]"), "Nia New");
        click(By.cssSelector("#user-form button[type=submit]"));
        waitForText(By.id("new-key"), "shown only this once");
        assertThat(server.get("/api/v1/me", text(By.id("new-key-value"))).status())
                .isEqualTo(200);
    }

    // ---- small screens ----------------------------------------------------------------------

    @Test
    void at_phone_width_the_pages_fit_the_screen_and_stay_usable() {
        TestUser ola = server.createUser("Ola Phone");
        String id = create(ola, "Pocket project", "Checked on a phone");
        create(ola, "Second pocket project", null);
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        signIn(ola.token(), "Projects");

        assertThat(overflow()).as("no sideways scrolling on the list").isLessThanOrEqualTo(0);
        assertThat(unlabelledControls())
                .as("controls without a label on the list")
                .isEmpty();
        shot("console-projects-phone");
        click(By.linkText("Pocket project"));
        waitForHeading("Pocket project");
        assertThat(overflow()).as("no sideways scrolling on a project").isLessThanOrEqualTo(0);
        assertThat(unlabelledControls())
                .as("controls without a label on a project")
                .isEmpty();
        assertThat(currentProjectId()).isEqualTo(id);
        for (String[] page :
                new String[][] {{"New project", "New project"}, {"Import", "Import"}, {"Workspaces", "Workspaces"}}) {
            click(By.linkText(page[0]));
            waitForHeading(page[1]);
            assertThat(overflow()).as("no sideways scrolling on " + page[1]).isLessThanOrEqualTo(0);
            assertThat(unlabelledControls())
                    .as("controls without a label on " + page[1])
                    .isEmpty();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static org.openqa.selenium.chrome.ChromeDriver driver() {
        return browser.driver;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver()).executeScript(script);
    }

    /** The page as a new tab would show it: no session, nothing said yet. */
    private static void freshTab() {
        driver().get(base + "/#/signin");
        js("sessionStorage.clear()");
        driver().navigate().refresh();
        waitFor(By.name("api_key"));
    }

    private static void signIn(String token, String landing) {
        freshTab();
        waitFor(By.name("api_key")).sendKeys(token, Keys.ENTER);
        waitForHeading(landing);
    }

    private static void open(String hash) {
        driver().get(base + "/" + hash);
    }

    private static String create(TestUser user, String name, String description) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("description", description);
        Reply reply = server.post("/api/projects", user.token(), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("project_id").asText();
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(driver(), WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void waitForText(By by, String text) {
        waitForText(by, text, WAIT);
    }

    private static void waitForText(By by, String text, Duration timeout) {
        try {
            new WebDriverWait(driver(), timeout).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "waited for \"" + text + "\" in " + by + "; the page says: notice \""
                            + safeText(By.id("notice")) + "\", alert \"" + safeText(By.id("alert")) + "\", "
                            + by + " \"" + safeText(by) + "\"",
                    e);
        }
    }

    private static void waitForHeading(String text) {
        waitForHeading(text, WAIT);
    }

    private static void waitForHeading(String text, Duration timeout) {
        waitForText(By.cssSelector("main h1"), text, timeout);
    }

    private static String safeText(By by) {
        List<WebElement> found = driver().findElements(by);
        return found.isEmpty() ? "(absent)" : found.get(0).getText();
    }

    private static String text(By by) {
        return waitFor(by).getText();
    }

    private static String value(By by) {
        return waitFor(by).getDomProperty("value");
    }

    private static List<String> cells(By by) {
        return driver().findElements(by).stream().map(WebElement::getText).toList();
    }

    private static void click(By by) {
        new WebDriverWait(driver(), WAIT)
                .until(ExpectedConditions.elementToBeClickable(by))
                .click();
    }

    private static void type(By by, String value) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(value);
    }

    private static List<String> projectLinks() {
        return driver().findElements(By.cssSelector("#projects-table a.project-link")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static String currentProjectId() {
        new WebDriverWait(driver(), WAIT).until(ExpectedConditions.urlMatches("#/projects/[^/?]+$"));
        return driver().getCurrentUrl().replaceAll(".*#/projects/", "");
    }

    /** Form controls that neither a label nor an aria-label names (their name attribute, or type). */
    @SuppressWarnings("unchecked")
    private static List<String> unlabelledControls() {
        return (List<String>) js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                + ".map(e => e.name || e.type)");
    }

    /** How many pixels the page is wider than the window (0 or less: it fits). */
    private static long overflow() {
        return (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    private static Path downloaded(String name) {
        Path file = browser.downloads.resolve(name);
        new WebDriverWait(driver(), WAIT).until(d -> Files.isRegularFile(file) && !partial());
        return file;
    }

    private static boolean partial() {
        try (Stream<Path> listed = Files.list(browser.downloads)) {
            return listed.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(files.resolve(name), bytes);
    }

    private static byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                s.newLineAtOffset(50, 740);
                s.showText(text);
                s.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Saves the window as docs/images/NAME.png when ATELIER_CONSOLE_SCREENSHOTS names a folder. */
    private static void shot(String name) {
        String dir = System.getenv("ATELIER_CONSOLE_SCREENSHOTS");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), driver().getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads through the API, to set a scene quickly. */
    private static final class ResourceUpload {
        static void csv(AtelierServer server, String token, String project, String filename, String content) {
            String boundary = "----console-test";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
            Reply reply = server.send(server.request("/api/projects/" + project + "/datasets", token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        }
    }
}
