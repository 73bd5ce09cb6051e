package org.yizhan.catalog;

import java.util.ArrayList;
import java.util.List;
import org.yizhan.model.Department;
import org.yizhan.model.Faq;
import org.yizhan.model.Fee;
import org.yizhan.model.Location;
import org.yizhan.model.Material;
import org.yizhan.model.Service;
import org.yizhan.model.Step;
import org.yizhan.model.Theme;
import org.yizhan.model.Translations;
import org.yizhan.model.Variant;

/** The catalog's records with every text a citizen reads put through a {@link CatalogText}; ids and codes stay. */
final class LocalRecords {

    private final CatalogText text;

    LocalRecords(CatalogText text) {
        this.text = text;
    }

    private String of(String key, String simplified) {
        return simplified.isEmpty() ? simplified : text.of(key, simplified);
    }

    Theme theme(Theme t) {
        return new Theme(t.id(), t.code(), t.audience(), of(Translations.key("themes", t.id(), "name"), t.name()));
    }

    Department department(Department d) {
        return new Department(d.id(), of(Translations.key("departments", d.id(), "name"), d.name()));
    }

    String catalogText(String field, String simplified) {
        return of(field, simplified);
    }

    Service service(Service s) {
        String at = Translations.key("services", s.id());
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < s.variants().size(); i++) {
            Variant v = s.variants().get(i);
            String k = at + "/variants/" + i;
            variants.add(new Variant(of(k + "/name", v.name()), of(k + "/description", v.description())));
        }
        List<Material> materials = new ArrayList<>();
        for (int i = 0; i < s.materials().size(); i++) {
            Material m = s.materials().get(i);
            String k = at + "/materials/" + i;
            materials.add(new Material(of(k + "/name", m.name()), m.originals(), m.copies(), m.form(), m.necessity(),
                    m.source(), of(k + "/notes", m.notes()), m.blankForm(), m.sampleForm(), variantName(s, m.variant())));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < s.steps().size(); i++) {
            Step st = s.steps().get(i);
            String k = at + "/steps/" + i;
            steps.add(new Step(of(k + "/name", st.name()), of(k + "/actor", st.actor()),
                    of(k + "/description", st.description()), st.timeLimit()));
        }
        List<Faq> faq = new ArrayList<>();
        for (int i = 0; i < s.faq().size(); i++) {
            Faq f = s.faq().get(i);
            String k = at + "/faq/" + i;
            faq.add(new Faq(of(k + "/question", f.question()), of(k + "/answer", f.answer())));
        }
        List<String> basis = new ArrayList<>();
        for (int i = 0; i < s.legalBasis().size(); i++) {
            basis.add(of(at + "/legalBasis/" + i, s.legalBasis().get(i)));
        }
        Fee fee = s.fee() == null ? null
                : new Fee(s.fee().charged(), of(at + "/fee/standard", s.fee().standard()), of(at + "/fee/basis", s.fee().basis()));
        Location l = s.location();
        Location location = new Location(of(at + "/location/hall", l.hall()), of(at + "/location/address", l.address()),
                of(at + "/location/window", l.window()), of(at + "/location/hours", l.hours()),
                of(at + "/location/directions", l.directions()));
        return new Service(s.id(), s.code(), of(at + "/name", s.name()), of(at + "/type", s.type()), s.departmentId(),
                of(at + "/level", s.level()), s.audiences(), s.themeIds(), s.keywords(),
                of(at + "/acceptConditions", s.acceptConditions()), variants, materials, steps, s.legalTimeLimit(),
                s.promisedTimeLimit(), fee, location, s.consultPhone(), s.complaintPhone(), basis, s.visits(),
                s.onlineApply(), s.booking(), s.courierDelivery(), s.onlineUrl(), faq);
    }

    /** A material names its variant by the variant's name, so it reads as the variant does. */
    private String variantName(Service s, String variant) {
        if (variant.isEmpty()) {
            return variant;
        }
        for (int i = 0; i < s.variants().size(); i++) {
            if (s.variants().get(i).name().equals(variant)) {
                return of(Translations.key("services", s.id(), "variants", i, "name"), variant);
            }
        }
        return of("", variant);
    }
}
