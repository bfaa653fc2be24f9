using System.Xml.Linq;
using Sigma.Publication.Integration;
using Sigma.Publication.Lheo;
using Sigma.Responses.Contracts;

namespace Sigma.Publication.Tests;

public class LheoTests
{
    private static readonly XNamespace L = "http://lheo.gouv.fr/2.3";
    private static readonly LheoOptions Options = new() { PublicsVises = new(StringComparer.OrdinalIgnoreCase) { ["PROJET PRO"] = "80056, 81061" } };
    private static readonly DateTimeOffset Export = new(2027, 1, 15, 11, 0, 0, TimeSpan.Zero);

    private static XDocument Document(OffreAttribueeIntegrationEvent o, out IReadOnlyList<string> erreurs)
    {
        var resultat = OffreLheo.Construire(o, Options);
        resultat.Manques.ShouldBeEmpty();
        var texte = DocumentLheo.Document(DocumentLheo.Fragment(resultat.Formations), Export);
        erreurs = DocumentLheo.Valider(texte);
        return XDocument.Parse(texte);
    }

    [Fact]
    public void A_realistic_offer_with_groupement_sub_contracting_three_sites_blocs_modules_accents_and_long_texts_validates_against_the_xsd()
    {
        var doc = Document(Offres.Groupement(), out var erreurs);
        erreurs.ShouldBeEmpty();
        doc.Root!.Attribute("horodatage-export")!.Value.ShouldBe("2027-01-15T11:00:00Z");
        doc.Descendants(L + "formation").Count().ShouldBe(2);
        var action = doc.Descendants(L + "action").First();
        action.Elements(L + "lieu-de-formation").Count().ShouldBe(3);
        action.Elements(L + "organisme-formateur").Select(o => o.Element(L + "raison-sociale-formateur")!.Value)
            .ShouldBe(["Association Égalité des Chances", "Numérique & Cie"]);
        action.Element(L + "organisme-financeur")!.Element(L + "code-financeur")!.Value.ShouldBe("2");
        action.Element(L + "organisme-financeur")!.Element(L + "nb-places-financees")!.Value.ShouldBe("12");
        // Long texts are cut within LHÉO's limit, accents kept.
        doc.Descendants(L + "objectif-formation").First().Value.Length.ShouldBeLessThanOrEqualTo(3000);
        doc.Descendants(L + "objectif-formation").First().Value.ShouldEndWith("…");
        doc.Descendants(L + "nom-organisme").First().Value.ShouldBe("Formation Occitanie Avenir — Organisme « Élan »");
        doc.Descendants(L + "ligne").ShouldAllBe(l => l.Value.Length <= 50);
    }

    [Fact]
    public void Every_field_the_guide_sends_to_the_carif_oref_lands_in_its_lheo_element()
    {
        var o = Offres.Groupement();
        var doc = Document(o, out var erreurs);
        erreurs.ShouldBeEmpty();
        var formation = doc.Descendants(L + "formation").First();
        var action = formation.Element(L + "action")!;
        var k = o.Composantes[0];
        // Accessibilité par les transports en commun and the means of transport.
        action.Element(L + "transport")!.Value.ShouldContain("Accessible en transports en commun — Tram 1 arrêt Comédie");
        action.Element(L + "transport")!.Value.ShouldContain("Bus 12");
        // Accessibilité aux personnes en situation de handicap.
        action.Element(L + "acces-handicapes")!.Value.ShouldContain("Site accessible aux personnes en situation de handicap — Ascenseur, boucle magnétique");
        // Hébergement and restauration.
        action.Element(L + "hebergement")!.Value.ShouldContain("Béziers : Hébergement possible");
        action.Element(L + "restauration")!.Value.ShouldContain("Restaurant d'entreprise");
        // Prérequis, objectifs, modalités de recrutement, modalités pédagogiques, résultats attendus.
        action.Element(L + "conditions-specifiques")!.Value.ShouldBe(k.Prerequis);
        formation.Element(L + "objectif-formation")!.Value.ShouldStartWith(k.Objectifs![..200]);
        action.Element(L + "modalites-recrutement")!.Value.ShouldBe(k.ModalitesRecrutement);
        action.Element(L + "modalites-pedagogiques")!.Value.ShouldBe(k.ModalitesPedagogiques);
        formation.Element(L + "resultats-attendus")!.Value.ShouldBe(k.ResultatsAttendus);
        // Le contenu des modules et des blocs de compétences.
        var contenu = formation.Element(L + "contenu-formation")!.Value;
        contenu.ShouldContain("Bloc de compétences 1 : Compétences transversales : communication écrite & orale");
        contenu.ShouldContain("- Module 1 : Positionnement et parcours individualisé (35 h) — Évaluation des acquis, contrat pédagogique");
        contenu.ShouldContain("- Module 3 : Immersion en entreprise (stage) (200 h)");
        var blocs = action.Element(L + "session")!.Element(L + "blocs-competences")!;
        blocs.Elements(L + "bloc-competences").Select(b => b.Element(L + "code-bloc")!.Value).ShouldBe(["RNCP38543BC01", "RNCP38543BC02"]);
        formation.Element(L + "extras")!.Elements(L + "extra").Count().ShouldBe(3);
        // Codes, certification, hours, sessions' dates.
        formation.Element(L + "domaine-formation")!.Elements(L + "code-FORMACODE").Select(e => e.Value).ShouldBe(["15062", "31054"]);
        formation.Element(L + "domaine-formation")!.Element(L + "code-NSF")!.Value.ShouldBe("326");
        formation.Element(L + "domaine-formation")!.Element(L + "code-ROME")!.Value.ShouldBe("M1805");
        formation.Element(L + "certifiante")!.Value.ShouldBe("1");
        formation.Element(L + "certification")!.Element(L + "code-RNCP")!.Value.ShouldBe("38543");
        action.Element(L + "nombre-heures-total")!.Value.ShouldBe("400");
        action.Element(L + "rythme-formation")!.Value.ShouldBe("Temps plein, 35 h par semaine du lundi au vendredi");
        action.Element(L + "session")!.Element(L + "periode")!.Element(L + "debut")!.Value.ShouldBe("20270201");
        action.Element(L + "session")!.Element(L + "periode")!.Element(L + "fin")!.Value.ShouldBe("20270630");
        action.Elements(L + "code-public-vise").Select(e => e.Value).ShouldBe(["80056", "81061"]);
        // The organisme responsable, its activity number and its disability contact.
        var responsable = formation.Element(L + "organisme-formation-responsable")!;
        responsable.Element(L + "numero-activite")!.Value.ShouldBe("76340123434");
        responsable.Descendants(L + "SIRET").Single().Value.ShouldBe("73282932000074");
        responsable.Elements(L + "contact-organisme").Last().Element(L + "type-contact")!.Value.ShouldBe("1");
        responsable.Elements(L + "contact-organisme").Last().Descendants(L + "courriel").Single().Value.ShouldBe("handicap@foa.fr");
        // What LHÉO has no element for: in extras, the price among them, and nowhere else.
        var extras = action.Element(L + "extras")!.Elements(L + "extra").ToDictionary(e => e.Attribute("info")!.Value, e => e.Value);
        extras["unite-oeuvre"].ShouldBe("HSTA");
        extras["lot"].ShouldBe("2 — Hérault — Béziers, Agde & Pézenas");
        extras["consultation"].ShouldBe("2027-PP-003");
        extras["prix-unitaire-ht"].ShouldBe("12,50");
        doc.Descendants(L + "prix-horaire-TTC").ShouldBeEmpty();
        doc.Descendants(L + "prix-total-TTC").ShouldBeEmpty();
        doc.Descendants().Where(e => e.Value == "12,50" && e.Name != L + "extra" && !e.HasElements).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_activity_number_refuses_the_publication_and_names_the_field()
    {
        var preparee = QuandOffreAttribuee.Preparer(Offres.Groupement(numeroActivite: null), Options, Export);
        preparee.Formations.ShouldBeNull();
        preparee.Manques.ShouldBe(["Numéro de déclaration d'activité de l'organisme (onglet Candidat)"]);
    }

    [Fact]
    public void Missing_rythme_prerequis_and_public_are_each_named_never_made_up()
    {
        var o = Offres.Groupement();
        o = o with { Dispositif = "E2C", Composantes = [o.Composantes[0] with { Rythme = null, Prerequis = " " }] };
        var preparee = QuandOffreAttribuee.Preparer(o, Options, Export);
        preparee.Formations.ShouldBeNull();
        preparee.Manques.ShouldBe([
            "Public visé du dispositif « E2C » (réglage Publication:PublicsVises de la Région)",
            "Rythme de la formation (onglet Pédagogie)",
            "Prérequis de la formation (onglet Pédagogie)",
        ]);
    }

    [Fact]
    public void A_complete_offer_is_prepared_with_its_formations_checked_against_the_schema()
    {
        var preparee = QuandOffreAttribuee.Preparer(Offres.Groupement(), Options, Export);
        preparee.Manques.ShouldBeEmpty();
        preparee.Formations.ShouldNotBeNull();
        preparee.Formations.ShouldNotContain("xmlns");
        DocumentLheo.Valider(DocumentLheo.Document(preparee.Formations, Export)).ShouldBeEmpty();
    }
}
