using System.Globalization;
using System.Xml.Linq;
using Sigma.Responses.Contracts;
using static Sigma.Publication.Lheo.Textes;

namespace Sigma.Publication.Lheo;

/// <summary>What the Région sets once for the CARIF-OREF: the public each dispositif targets (codes of LHÉO's « public visé » table).</summary>
public sealed class LheoOptions
{
    /// <summary>Formacode codes of the public, by dispositif (<c>Publication:PublicsVises:AVENIR = 15043</c>).</summary>
    public Dictionary<string, string> PublicsVises { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>An offer's <c>formation</c> elements, or the fields LHÉO requires that the offer lacks.</summary>
internal sealed record ResultatLheo(IReadOnlyList<XElement> Formations, IReadOnlyList<string> Manques);

/// <summary>
/// Builds the LHÉO 2.3 <c>formation</c> of each composante of an awarded offer: the fields the guide's « Flux vers le
/// CARIF-OREF » lists land in their element; what LHÉO has no element for (lot, unité d'œuvre, consultation, price)
/// goes in <c>extras</c>. Nothing is made up: a required element the offer does not fill is named in the result.
/// </summary>
internal static class OffreLheo
{
    public static readonly XNamespace L = "http://lheo.gouv.fr/2.3";

    private static XElement E(string nom, params object?[] contenu) => new(L + nom, contenu);

    public static ResultatLheo Construire(OffreAttribueeIntegrationEvent o, LheoOptions options)
    {
        var manques = new List<string>();
        void Manque(string champ) { if (!manques.Contains(champ)) { manques.Add(champ); } }

        var publics = Codes(options.PublicsVises.GetValueOrDefault(o.Dispositif), 5).Take(10).ToList();
        if (publics.Count == 0)
        {
            Manque($"Public visé du dispositif « {o.Dispositif} » (réglage Publication:PublicsVises de la Région)");
        }
        var responsable = Responsable(o, Manque);
        var contact = Coordonnees(null, o.Organisme.Telephone, o.Organisme.Email);
        if (Vide(o.Organisme.Telephone) && Vide(o.Organisme.Email))
        {
            Manque("Téléphone ou courriel du siège (onglet Candidat)");
        }
        var sites = o.Sites.Select((s, i) => Lieu(s, i, Manque)).ToList();
        var formations = new List<XElement>();
        foreach (var (k, i) in o.Composantes.Select((k, i) => (k, i)))
        {
            var ou = o.Composantes.Count > 1 ? $" (composante {k.Numero ?? (i + 1).ToString(CultureInfo.InvariantCulture)})" : "";
            string Requis(string? valeur, string champ, int max)
            {
                if (Vide(valeur))
                {
                    Manque($"{champ}{ou}");
                    return "-";
                }
                return Borne(valeur!, max);
            }

            var intitule = Requis(k.Intitule ?? o.Action.Intitule, "Intitulé de la composante (onglet Pédagogie)", 255);
            var objectif = Requis(k.Objectifs, "Objectifs de la formation (onglet Pédagogie)", 3000);
            var resultats = Requis(k.ResultatsAttendus, "Résultats attendus (onglet Pédagogie)", 3000);
            var contenu = Requis(Contenu(k), "Contenu de la formation, de ses modules et blocs (onglet Pédagogie)", 3000);
            var rythme = Requis(k.Rythme, "Rythme de la formation (onglet Pédagogie)", 3000);
            var prerequis = Requis(k.Prerequis, "Prérequis de la formation (onglet Pédagogie)", 3000);
            var debut = DateLheo(k.DateDebut ?? o.Action.DateDebut);
            var fin = DateLheo(k.DateFin ?? o.Action.DateFin);
            if (debut is null || fin is null)
            {
                Manque($"Dates de début et de fin de la session{ou} (onglet Pédagogie)");
            }
            var rncp = Chiffres(k.Rncp) is { Length: > 0 and <= 10 } r ? r : null;
            var certifinfo = Chiffres(k.Certifinfo) is { Length: > 0 and <= 10 } c ? c : null;
            var numero = $"{o.OffreId:N}-{i + 1}";

            formations.Add(E("formation", new XAttribute("numero", numero),
                E("domaine-formation",
                    Codes(k.Formacode, 5).Take(5).Select(f => E("code-FORMACODE", f)),
                    Codes(k.Nsf, 3).Take(3).Select(f => E("code-NSF", f)),
                    Codes(k.Rome, 5).Take(5).Select(f => E("code-ROME", f))),
                E("intitule-formation", intitule),
                E("objectif-formation", objectif),
                E("resultats-attendus", resultats),
                E("contenu-formation", contenu),
                E("certifiante", rncp is not null || certifinfo is not null ? "1" : "0"),
                E("contact-formation", new XElement(contact)),
                // Blocs de compétences give a modular access to the certification (the guide's words): « modularisé ».
                E("parcours-de-formation", k.Blocs.Count > 0 || k.Modules.Count > 1 ? "3" : "1"),
                E("code-niveau-entree", "0"),
                rncp is null && certifinfo is null ? null : E("certification", rncp is null ? null : E("code-RNCP", rncp), certifinfo is null ? null : E("code-CERTIFINFO", certifinfo)),
                Action(o, k, numero, rythme, prerequis, publics, sites, debut, fin, rncp),
                new XElement(responsable),
                E("extras", new XAttribute("info", "modules"), k.Modules.Where(m => !Vide(m.Intitule)).Select(m => E("extra",
                    new XAttribute("info", $"module {m.Numero}".Trim()),
                    Borne($"{m.Intitule}{(Vide(m.Bloc) ? "" : $" — bloc {m.Bloc}")}{Periode(m.DateDebut, m.DateFin)}{Heures(m.VolumeHoraire)}{(Vide(m.Contenu) ? "" : $" : {m.Contenu}")}", 3000))))));
        }
        return new ResultatLheo(manques.Count == 0 ? formations : [], manques);
    }

    private static XElement Action(OffreAttribueeIntegrationEvent o, ComposanteAttribuee k, string numero, string rythme, string prerequis, IReadOnlyList<string> publics,
        IReadOnlyList<XElement?> sites, string? debut, string? fin, string? rncp)
    {
        var s = o.Sites;
        string? ParSite(Func<SiteAttribue, string?> texte) =>
            s.Select(x => (x, t: texte(x))).Where(p => !Vide(p.t)).ToList() is { Count: > 0 } l
                ? Borne(string.Join(" ; ", l.Select(p => s.Count > 1 ? $"{p.x.Commune ?? p.x.Nom} : {p.t}" : p.t)), 250) : null;
        var blocs = k.Blocs.Where(b => !Vide(b.Intitule)).Select((b, i) => (b, code: CodeBloc(b.Numero, rncp, i + 1))).Where(p => p.code is not null).ToList();
        var places = Entier(k.Effectif ?? o.Action.Effectif);
        var heures = Entier(k.VolumeHoraire);
        return E("action", new XAttribute("numero", numero),
            E("rythme-formation", rythme),
            publics.Select(p => E("code-public-vise", p)),
            E("niveau-entree-obligatoire", "0"),
            // LHÉO requires the element even when the training has no alternance: « - » says none is described (as the ONISEP flux does).
            E("modalites-alternance", "-"),
            E("modalites-enseignement", "0"),
            E("conditions-specifiques", prerequis),
            // The Région finances the places of the awarded offer.
            E("prise-en-charge-frais-possible", "1"),
            sites.Where(x => x is not null).Select(x => new XElement(x!)),
            E("modalites-entrees-sorties", "0"),
            E("session", new XAttribute("numero", $"{numero}-1"),
                E("periode", E("debut", debut ?? "00000000"), E("fin", fin ?? "00000000")),
                E("adresse-inscription", Adresse(o.Organisme.RaisonSociale, o.Organisme.Adresse, o.Organisme.CodePostal, o.Organisme.Commune)),
                rncp is null || blocs.Count == 0 ? null : E("blocs-competences",
                    E("validation-blocs", "0"),
                    E("reference-certification", E("reference-code-RNCP", rncp)),
                    blocs.Select(p => E("bloc-competences", E("libelle-bloc", Borne(p.b.Intitule!, 500)), E("code-bloc", p.code))))),
            ParSite(x => x.Restauration) is { } restauration ? E("restauration", restauration) : null,
            ParSite(x => x.Hebergement switch { true => "Hébergement possible", false => "Pas d'hébergement", _ => null }) is { } hebergement ? E("hebergement", hebergement) : null,
            ParSite(x => Transport(x)) is { } transport ? E("transport", transport) : null,
            ParSite(x => Handicap(x)) is { } handicap ? E("acces-handicapes", handicap) : null,
            Vide(k.ModalitesRecrutement) ? null : E("modalites-recrutement", Borne(k.ModalitesRecrutement!, 3000)),
            Vide(k.ModalitesPedagogiques) ? null : E("modalites-pedagogiques", Borne(k.ModalitesPedagogiques!, 200)),
            heures is null ? null : E("nombre-heures-total", heures),
            (o.Prestataires ?? []).Where(p => Chiffres(p.Siret).Length == 14 && !Vide(p.RaisonSociale)).Select(p => E("organisme-formateur",
                E("SIRET-formateur", E("SIRET", Chiffres(p.Siret))),
                E("raison-sociale-formateur", Borne(p.RaisonSociale!, 250)),
                E("extras", E("extra", new XAttribute("info", "role"), p.Role == PrestataireAttribue.Cotraitant ? "cotraitant du groupement" : "sous-traitant")))),
            E("organisme-financeur", E("code-financeur", "2"), places is null ? null : E("nb-places-financees", places)),
            E("extras", new XAttribute("info", "marché"),
                Extra("dispositif", o.Dispositif),
                Extra("consultation", o.Reference),
                Extra("lot", $"{o.Lot} — {o.LotIntitule}"),
                Extra("territoire", o.Territoire),
                Extra("unite-oeuvre", o.Marche?.UniteOeuvre),
                Extra("prix-unitaire-ht", o.Marche?.PrixUnitaireHt),
                Extra("composante", k.Numero),
                Extra("volume-horaire", k.VolumeHoraire),
                s.Where(x => !Vide(x.InformationsComplementaires)).Select(x => Extra($"site {x.Commune}".Trim(), x.InformationsComplementaires))));
    }

    private static XElement? Extra(string info, string? valeur) => Vide(valeur) ? null : E("extra", new XAttribute("info", info), Borne(valeur!, 3000));

    private static XElement Responsable(OffreAttribueeIntegrationEvent o, Action<string> manque)
    {
        var siret = Chiffres(o.Organisme.Siret);
        if (siret.Length != 14)
        {
            manque("SIRET du siège (onglet Candidat)");
        }
        var activite = Chiffres(o.NumeroActivite);
        if (activite.Length != 11)
        {
            manque("Numéro de déclaration d'activité de l'organisme (onglet Candidat)");
        }
        var adresse = Adresse(o.Organisme.RaisonSociale, o.Organisme.Adresse, o.Organisme.CodePostal, o.Organisme.Commune);
        if (adresse is null)
        {
            manque("Adresse, code postal et commune du siège (onglet Candidat)");
        }
        var raison = Borne(Vide(o.Organisme.RaisonSociale) ? "-" : o.Organisme.RaisonSociale, 250);
        var referent = o.ReferentHandicap is { } h && (!Vide(h.Telephone) || !Vide(h.Email))
            ? E("contact-organisme", E("type-contact", "1"), Coordonnees(h.Nom, h.Telephone, h.Email)) : null;
        return E("organisme-formation-responsable",
            E("numero-activite", activite.Length == 11 ? activite : "00000000000"),
            E("SIRET-organisme-formation", E("SIRET", siret.Length == 14 ? siret : "00000000000000")),
            E("nom-organisme", raison),
            E("raison-sociale", raison),
            E("coordonnees-organisme", E("coordonnees", adresse, Telephone(o.Organisme.Telephone), Courriel(o.Organisme.Email))),
            E("contact-organisme", Coordonnees(null, o.Organisme.Telephone, o.Organisme.Email)),
            referent);
    }

    private static XElement? Lieu(SiteAttribue s, int i, Action<string> manque)
    {
        var adresse = Adresse(null, s.Nom, s.CodePostal, s.Commune);
        if (adresse is null)
        {
            manque($"Adresse, code postal et commune du site {i + 1} (onglet Sites de l'offre)");
            return null;
        }
        return E("lieu-de-formation", E("coordonnees", adresse),
            E("extras", Extra("transport", Transport(s)), Extra("acces-handicapes", Handicap(s)), Extra("restauration", s.Restauration),
                Extra("hebergement", s.Hebergement switch { true => "oui", false => "non", _ => null })));
    }

    private static string? Transport(SiteAttribue s) => (s.AccesTransportsCommun, s.MoyensTransport) switch
    {
        (null, var m) when Vide(m) => null,
        (var a, var m) => string.Join(" — ", new[] { a switch { true => "Accessible en transports en commun", false => "Non desservi par les transports en commun", _ => null }, m }.Where(x => !Vide(x))),
    };

    private static string? Handicap(SiteAttribue s) => (s.AccessibleHandicap, s.AccessibiliteDetail) switch
    {
        (null, var d) when Vide(d) => null,
        (var a, var d) => string.Join(" — ", new[] { a switch { true => "Site accessible aux personnes en situation de handicap", false => "Site non accessible aux personnes en situation de handicap", _ => null }, d }.Where(x => !Vide(x))),
    };

    private static XElement? Adresse(string? denomination, string? voie, string? codePostal, string? commune)
    {
        var cp = Chiffres(codePostal);
        if (Vide(voie) || cp.Length != 5 || Vide(commune))
        {
            return null;
        }
        return E("adresse",
            Vide(denomination) ? null : E("denomination", Borne(denomination!, 255)),
            Lignes(voie!).Select(l => E("ligne", l)),
            E("codepostal", cp),
            E("ville", Borne(commune!, 50)),
            E("departement", cp.StartsWith("97", StringComparison.Ordinal) ? cp[..3] : cp[..2]));
    }

    private static XElement Coordonnees(string? nom, string? telephone, string? courriel) =>
        E("coordonnees", Vide(nom) ? null : E("nom", Borne(nom!, 50)), Telephone(telephone), Courriel(courriel));

    private static XElement? Telephone(string? t) => Vide(t) ? null : E("telfixe", E("numtel", Borne(t!, 25)));

    private static XElement? Courriel(string? c) => c?.Trim() is { Length: >= 3 and <= 160 } m ? E("courriel", m) : null;

    /// <summary>A bloc's code as France compétences writes it (RNCP12345BC01): typed as such, or from its number and the RNCP code.</summary>
    private static string? CodeBloc(string? numero, string? rncp, int rang)
    {
        var n = (numero ?? "").Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (n.Length is >= 8 and <= 40 && n.StartsWith("RNCP", StringComparison.Ordinal))
        {
            return n;
        }
        var chiffres = Chiffres(n);
        return rncp is null ? null : $"RNCP{rncp}BC{(chiffres.Length > 0 ? int.Parse(chiffres[..Math.Min(chiffres.Length, 4)], CultureInfo.InvariantCulture) : rang):00}";
    }

    private static string? Contenu(ComposanteAttribuee k)
    {
        var parties = new List<string>();
        foreach (var b in k.Blocs.Where(b => !Vide(b.Intitule)))
        {
            parties.Add($"Bloc de compétences {b.Numero} : {b.Intitule}".Replace("  ", " ", StringComparison.Ordinal));
            foreach (var m in k.Modules.Where(m => !Vide(m.Intitule) && m.Bloc is { } x && (x == b.Numero || x == b.Intitule)))
            {
                parties.Add(Module(m));
            }
        }
        foreach (var m in k.Modules.Where(m => !Vide(m.Intitule) && !k.Blocs.Any(b => m.Bloc is { } x && (x == b.Numero || x == b.Intitule))))
        {
            parties.Add(Module(m));
        }
        // The modules and blocs always fit; the free text gives way to them when everything exceeds LHÉO's 3 000 characters.
        var structure = Borne(string.Join("\n", parties), 2000);
        var place = 3000 - structure.Length - 1;
        var libre = Vide(k.Contenu) ? "" : Borne(k.Contenu!, Math.Max(place, 200));
        return string.Join("\n", new[] { libre, structure }.Where(x => x.Length > 0)) is { Length: > 0 } tout ? Borne(tout, 3000) : null;
    }

    private static string Module(ModuleAttribue m) =>
        $"- Module {m.Numero} : {m.Intitule}{Heures(m.VolumeHoraire)}{(Vide(m.Contenu) ? "" : $" — {m.Contenu!.Trim()}")}".Replace("Module  :", "Module :", StringComparison.Ordinal);

    private static string Heures(string? volume) => Entier(volume) is { } h ? $" ({h} h)" : "";

    private static string Periode(string? debut, string? fin) =>
        Date(debut) is { } d && Date(fin) is { } f ? $", du {d:dd/MM/yyyy} au {f:dd/MM/yyyy}" : "";
}
