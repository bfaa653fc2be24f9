using System.Globalization;
using Sigma.Publication.Lheo;
using Sigma.Responses.Contracts;

namespace Sigma.Publication.Decp;

/// <summary>What the Région sets once for its essential data: who buys, and what its consultations do not say lot by lot.</summary>
public sealed class DecpOptions
{
    /// <summary>SIRET of the Région (the buyer). Without it no essential data is published, and each record says so.</summary>
    public string? AcheteurSiret { get; set; }

    /// <summary>CPV of vocational training services.</summary>
    public string CodeCpv { get; set; } = "80530000";

    public string Ccag { get; set; } = "Fournitures courantes et services";

    public string TypePrix { get; set; } = "Définitif ferme";

    public string ConsiderationSociale { get; set; } = "Pas de considération sociale";

    public string ConsiderationEnvironnementale { get; set; } = "Pas de considération environnementale";

    public bool MarcheInnovant { get; set; }
}

public sealed record Titulaire(string Id, string TypeIdentifiant);

/// <summary>
/// The essential data of one awarded contract (one retained offer of a lot), recorded at its notification (DECP v2).
/// <see cref="Manques"/> names what the consultation or the offer lacks: such a record is not published.
/// </summary>
public sealed class MarcheNotifie
{
    /// <summary>The offer's id.</summary>
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public string Reference { get; set; } = "";
    public int Lot { get; set; }
    public string Organisme { get; set; } = "";
    public string IdMarche { get; set; } = "";
    public string? AcheteurSiret { get; set; }
    public string Objet { get; set; } = "";
    public string CodeCpv { get; set; } = "";
    public string Procedure { get; set; } = "";
    public List<string> Techniques { get; set; } = [];
    public List<string> ModalitesExecution { get; set; } = [];
    public string LieuCode { get; set; } = "";
    public int? DureeMois { get; set; }
    public DateOnly DateNotification { get; set; }
    public DateOnly DatePublicationDonnees { get; set; }
    public decimal? Montant { get; set; }
    public string FormePrix { get; set; } = "Unitaire";
    public string TypePrix { get; set; } = "";
    public bool MarcheInnovant { get; set; }
    public string Ccag { get; set; } = "";
    public int OffresRecues { get; set; }
    public bool AttributionAvance { get; set; }
    public string TypeGroupementOperateurs { get; set; } = "Pas de groupement";
    public bool SousTraitanceDeclaree { get; set; }
    public List<Titulaire> Titulaires { get; set; } = [];
    public string ConsiderationSociale { get; set; } = "";
    public string ConsiderationEnvironnementale { get; set; } = "";
    public List<string> Manques { get; set; } = [];

    /// <summary>The law's threshold: essential data are due for contracts of 40 000 € HT or more.</summary>
    public const decimal Seuil = 40_000m;

    public bool EstPubliable => Manques.Count == 0;

    public bool EstDue => EstPubliable && Montant >= Seuil;

    public static MarcheNotifie Depuis(OffreAttribueeIntegrationEvent o, DecpOptions options, DateTimeOffset maintenant)
    {
        var m = o.Marche;
        var manques = new List<string>();
        var siret = Textes.Chiffres(options.AcheteurSiret);
        if (siret.Length != 14)
        {
            manques.Add("SIRET de l'acheteur (réglage Decp:AcheteurSiret de la Région)");
        }
        if (m is null)
        {
            manques.Add("Données du marché (procédure, prix, volume) absentes de l'attribution");
        }
        var procedure = ProcedureDecp(m?.Procedure);
        if (procedure is null)
        {
            manques.Add($"Procédure de passation reconnue par les DECP (la consultation indique « {m?.Procedure} »)");
        }
        var prix = decimal.TryParse((m?.PrixUnitaireHt ?? "").Replace(" ", "", StringComparison.Ordinal).Replace('\u202f'.ToString(), "", StringComparison.Ordinal)
            .Replace(',', '.').Replace("€", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : (decimal?)null;
        var montant = prix is { } pu && m is { Volume: > 0 } ? Math.Round(pu * m.Volume, 2) : (decimal?)null;
        if (montant is null or < 1)
        {
            manques.Add("Montant : prix unitaire HT de l'offre (onglet Prix) et volume du lot");
        }
        var debut = Textes.Date(o.Action.DateDebut);
        var fin = Textes.Date(o.Action.DateFin);
        int? duree = debut is { } d && fin is { } f && f >= d ? Math.Max(1, (f.Year - d.Year) * 12 + f.Month - d.Month + (f.Day >= d.Day ? 1 : 0)) : null;
        if (duree is null)
        {
            manques.Add("Durée : dates de début et de fin de l'offre (onglet Offre)");
        }
        var lieu = o.Sites.Select(s => Textes.Chiffres(s.CodePostal)).FirstOrDefault(c => c.Length == 5) ?? Textes.Chiffres(o.Organisme.CodePostal);
        if (lieu.Length != 5)
        {
            manques.Add("Lieu d'exécution : code postal d'un site (onglet Sites de l'offre)");
        }
        var titulaires = new[] { o.Organisme.Siret }.Concat((o.Prestataires ?? []).Where(x => x.Role == PrestataireAttribue.Cotraitant).Select(x => x.Siret))
            .Select(Textes.Chiffres).Where(s => s.Length == 14).Distinct().Select(s => new Titulaire(s, "SIRET")).ToList();
        if (titulaires.Count == 0)
        {
            manques.Add("SIRET du titulaire (onglet Candidat)");
        }
        var accordCadre = m?.Procedure?.Contains("Accord-cadre", StringComparison.OrdinalIgnoreCase) == true;
        var reference = o.Reference.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        // 16 characters at most: the consultation, the lot and enough of the offer's id to tell two holders of a lot apart.
        var id = $"{reference}L{o.Lot}-{o.OffreId:N}"[..16];
        return new MarcheNotifie
        {
            Id = o.OffreId, ConsultationId = o.ConsultationId, Reference = o.Reference, Lot = o.Lot, Organisme = o.Organisme.RaisonSociale,
            IdMarche = id, AcheteurSiret = siret.Length == 14 ? siret : null,
            Objet = Textes.Borne($"{(Textes.Vide(m?.Objet) ? o.Dispositif : m!.Objet)} — lot {o.Lot} : {o.LotIntitule}", 1000),
            CodeCpv = options.CodeCpv, Procedure = procedure ?? "", Techniques = [accordCadre ? "Accord-cadre" : "Sans objet"],
            ModalitesExecution = [accordCadre ? "Bons de commande" : "Sans objet"], LieuCode = lieu, DureeMois = duree,
            DateNotification = DateOnly.FromDateTime(o.AttribueeLe.UtcDateTime), DatePublicationDonnees = DateOnly.FromDateTime(maintenant.UtcDateTime),
            Montant = montant, TypePrix = options.TypePrix, MarcheInnovant = options.MarcheInnovant, Ccag = options.Ccag,
            OffresRecues = Math.Max(1, m?.OffresRecues ?? 1), AttributionAvance = m?.Avance == true, TypeGroupementOperateurs = m?.TypeGroupement ?? "Pas de groupement",
            SousTraitanceDeclaree = m?.SousTraitance == true, Titulaires = titulaires, ConsiderationSociale = options.ConsiderationSociale,
            ConsiderationEnvironnementale = options.ConsiderationEnvironnementale, Manques = manques,
        };
    }

    /// <summary>Sigma's procedures in the DECP's words.</summary>
    private static string? ProcedureDecp(string? procedure) => procedure switch
    {
        null => null,
        var p when p.StartsWith("Appel d'offres ouvert", StringComparison.OrdinalIgnoreCase) => "Appel d'offres ouvert",
        var p when p.StartsWith("Appel d'offres restreint", StringComparison.OrdinalIgnoreCase) => "Appel d'offres restreint",
        var p when p.StartsWith("Procédure adaptée", StringComparison.OrdinalIgnoreCase) => "Procédure adaptée",
        var p when p.Contains("sans publicité", StringComparison.OrdinalIgnoreCase) => "Marché passé sans publicité ni mise en concurrence préalable",
        var p when p.Contains("négociation", StringComparison.OrdinalIgnoreCase) => "Procédure avec négociation",
        var p when p.StartsWith("Dialogue", StringComparison.OrdinalIgnoreCase) => "Dialogue compétitif",
        _ => null,
    };
}
