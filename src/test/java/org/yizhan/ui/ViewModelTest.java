package org.yizhan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.model.Audience;
import org.yizhan.model.TimeLimit;
import org.yizhan.model.TimeUnit;
import org.yizhan.testing.RecordingNavigator;
import org.yizhan.testing.TestCatalogs;
import org.yizhan.ui.browse.BrowseViewModel;
import org.yizhan.ui.guide.GuideViewModel;
import org.yizhan.ui.home.HomeViewModel;
import org.yizhan.ui.services.ServiceListViewModel;

/** ViewModels in plain JUnit: no toolkit is started. */
class ViewModelTest {

    private final Messages messages = Messages.simplifiedChinese();
    private final CatalogSnapshot catalog = new CatalogSnapshot(TestCatalogs.small());
    private final RecordingNavigator nav = new RecordingNavigator();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T01:45:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void homeWelcomesAndOpensTheGuide() {
        HomeViewModel home = new HomeViewModel(messages, catalog, nav);
        assertEquals("您好，请选择您要办的事", home.welcome());
        assertEquals(4, home.tiles().size());
        home.open(home.tiles().get(0));
        assertEquals(new Destination.Browse(Audience.PERSON), nav.last());
    }

    @Test
    void aComingSoonTileSaysSoAndGoesNowhere() {
        HomeViewModel home = new HomeViewModel(messages, catalog, nav);
        assertTrue(home.tiles().stream().noneMatch(HomeViewModel.Tile::comingSoon), "all four open a screen");
        HomeViewModel.Tile status = home.tiles().get(3);
        // A tile with no screen yet (a later feature's) says so.
        home.open(new HomeViewModel.Tile(status.id(), status.icon(), status.label(), status.hint(), null, false));
        assertTrue(nav.visited.isEmpty());
        assertEquals(messages.get("home.comingSoon.message"), home.messageProperty().get());
    }

    @Test
    void theQueueTileOpensTheQueuesEvenWithoutACatalog() {
        HomeViewModel home = new HomeViewModel(messages, CatalogSnapshot.empty(), nav);
        HomeViewModel.Tile queue = home.tiles().get(2);
        assertFalse(queue.comingSoon());
        home.open(queue);
        assertEquals(new Destination.Queue(), nav.last());
    }

    @Test
    void emptyCatalogDoesNotOpenAnEmptyBrowser() {
        HomeViewModel home = new HomeViewModel(messages, CatalogSnapshot.empty(), nav);
        home.open(home.tiles().get(0));
        assertTrue(nav.visited.isEmpty());
        assertEquals(messages.get("home.catalogEmpty"), home.messageProperty().get());
    }

    @Test
    void onlyTheTilesThatNeedTheCatalogAreRefusedWithoutOne() {
        HomeViewModel home = new HomeViewModel(messages, CatalogSnapshot.empty(), nav);
        assertEquals(List.of("tile-guide", "tile-search"),
                home.tiles().stream().filter(HomeViewModel.Tile::needsCatalog).map(HomeViewModel.Tile::id).toList(),
                "取号 and 进度查询 ask the hall server, not the catalog");
        home.open(home.tiles().get(1));
        assertTrue(nav.visited.isEmpty(), "no search over nothing");
        assertEquals(messages.get("home.catalogEmpty"), home.messageProperty().get());

        home.open(home.tiles().get(3));
        assertEquals(List.of(new Destination.Status()), nav.visited, "进度查询 opens with no catalog at all");
    }

    @Test
    void browseListsThemesWithCountsAndSwitchesAudience() {
        BrowseViewModel browse = new BrowseViewModel(messages, catalog, new Destination.Browse(Audience.PERSON), nav);
        assertEquals(List.of("证件办理 3", "婚姻登记 1"),
                browse.entries().stream().map(e -> e.name() + " " + e.count()).toList(),
                "themes without services are hidden");
        assertEquals("3 项", browse.countText(browse.entries().get(0)));

        browse.audienceProperty().set(Audience.LEGAL);
        assertEquals(List.of("设立变更 2"), browse.entries().stream().map(e -> e.name() + " " + e.count()).toList());
        assertEquals(new Destination.Browse(Audience.LEGAL, false), nav.replaced, "back returns to the side chosen");

        browse.byDepartmentProperty().set(true);
        assertEquals(List.of("云溪县市场监督管理局 2"),
                browse.entries().stream().map(e -> e.name() + " " + e.count()).toList());
        browse.open(browse.entries().get(0));
        assertEquals(new Destination.DepartmentServices("scjgj", Audience.LEGAL), nav.last());
    }

    @Test
    void serviceListOfThemeAndOfDepartment() {
        ServiceListViewModel theme = new ServiceListViewModel(messages, catalog, new Destination.ThemeServices("person-090"), nav);
        assertEquals("证件办理", theme.title());
        assertEquals("共 3 个事项", theme.countText());
        assertEquals(List.of("居民身份证换领", "居民身份证补领", "个体工商户设立登记"),
                theme.rows().stream().map(ServiceListViewModel.Row::name).toList());
        assertEquals("云溪县公安局", theme.rows().get(0).department());
        assertEquals(List.of("最多跑一次", "可网办", "可预约"),
                theme.rows().get(0).badges().stream().map(Badges.Badge::text).toList());
        theme.open(theme.rows().get(1));
        assertEquals(new Destination.Guide("gaj-sfz-bl"), nav.last());

        ServiceListViewModel dept = new ServiceListViewModel(messages, catalog,
                new Destination.DepartmentServices("scjgj", Audience.PERSON), nav);
        assertEquals(List.of("个体工商户设立登记"), dept.rows().stream().map(ServiceListViewModel.Row::name).toList());
    }

    @Test
    void theGuideReadsAloudItsNameConditionsAndEachMaterialWithWhetherItIsNeeded() {
        GuideViewModel g = new GuideViewModel(messages, catalog, "gaj-sfz-hl");
        String spoken = g.spokenText();
        assertTrue(spoken.startsWith("居民身份证换领。受理条件：" + g.conditions()), spoken);
        assertTrue(spoken.contains("申请材料共 3 项。第 1 项，居民户口簿，必要。第 2 项，"), spoken);
        assertTrue(spoken.contains("，可选。") && spoken.endsWith("，容缺。"), spoken);
        assertFalse(spoken.contains(g.text("guide.steps")) || spoken.contains(g.place().get(0).value()),
                "the steps and the place are for the eyes: " + spoken);
        assertEquals(g.notFoundText(), new GuideViewModel(messages, catalog, "no-such-id").spokenText());
    }

    @Test
    void guideFormatsEverySection() {
        GuideViewModel g = new GuideViewModel(messages, catalog, "gaj-sfz-hl");
        assertTrue(g.found());
        assertEquals("居民身份证换领", g.name());
        assertEquals("云溪县公安局", g.department());
        var materials = g.materials();
        assertEquals(3, materials.size());
        assertEquals("居民户口簿", materials.get(0).name());
        assertEquals("1", materials.get(0).originals());
        assertEquals("1", materials.get(0).copies());
        assertEquals("必要", materials.get(0).necessity());
        assertEquals("—", materials.get(1).originals(), "zero originals shows a dash, not 0");
        assertEquals("可选", materials.get(1).necessity());
        assertTrue(materials.get(1).details().startsWith("仅限“首次申领”"));
        assertEquals("容缺", materials.get(2).necessity());
        assertTrue(materials.get(2).details().contains("有空白表格"));

        var steps = g.steps();
        assertEquals(3, steps.size());
        assertEquals(1, steps.get(0).number());
        assertEquals("时限：即办（当场办结）", steps.get(0).limit());
        assertEquals("时限：5 个工作日", steps.get(1).limit());
        assertEquals("", steps.get(2).limit());

        assertEquals(List.of("法定办结时限 20 个工作日", "承诺办结时限 7 个工作日", "收费 工本费20元", " 收费依据：《收费依据》"),
                g.limitsAndFee().stream().map(f -> f.name() + " " + f.value()).toList());
        assertEquals("12345", g.contacts().get(1).value());
        assertEquals("问：要本人来吗？", g.faq().get(0).name());
        assertTrue(g.onlineUrl().isPresent());
        assertFalse(g.basisShownProperty().get(), "legal basis is folded by default");
        g.toggleBasis();
        assertTrue(g.basisShownProperty().get());
    }

    @Test
    void unknownServiceIsNotFoundNotACrash() {
        GuideViewModel g = new GuideViewModel(messages, catalog, "no-such-id");
        assertFalse(g.found());
        assertFalse(g.notFoundText().isBlank());
    }

    @Test
    void timeLimitsInEveryUnit() {
        GuideViewModel g = new GuideViewModel(messages, catalog, "gaj-sfz-hl");
        assertEquals("3 个自然日", g.limit(new TimeLimit(3, TimeUnit.NATURAL_DAYS)));
        assertEquals("2 小时", g.limit(new TimeLimit(2, TimeUnit.HOURS)));
        assertEquals("即办（当场办结）", g.limit(new TimeLimit(0, TimeUnit.HOURS)));
    }
}
