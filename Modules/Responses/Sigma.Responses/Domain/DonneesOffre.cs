namespace Sigma.Responses.Domain;

/// <summary>Onglet « Offre »: the general characteristics of the offer.</summary>
public sealed class Caracteristiques
{
    public string? Intitule { get; set; }
    public string? Presentation { get; set; }
    public string? DateDebut { get; set; }
    public string? DateFin { get; set; }
    public string? NombreSessions { get; set; }
    public string? Effectif { get; set; }
}

public sealed class SousTraitant
{
    public string? RaisonSociale { get; set; }
    public string? Siret { get; set; }
    public string? Adresse { get; set; }
    public string? CodePostal { get; set; }
    public string? Commune { get; set; }
    public string? Prestations { get; set; }
    public string? Montant { get; set; }
}

/// <summary>Onglet « Prestataires »: financial information and the declaration of sub-contracting.</summary>
public sealed class Prestataires
{
    public bool? AssujettiTva { get; set; }
    public bool? Avance { get; set; }
    public string? FrequenceFacturation { get; set; }
    public string? TitulaireCompte { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public bool? SousTraitance { get; set; }
    public bool? PaiementDirect { get; set; }
    public List<SousTraitant> SousTraitants { get; set; } = [];

    public static readonly IReadOnlyList<string> Frequences = ["Mensuelle", "Trimestrielle", "À la fin de chaque session", "À la fin de la prestation"];
}

/// <summary>Who answers the trainees with a disability, as the CARIF-OREF publishes it (onglet « Sites »).</summary>
public sealed class ReferentHandicap
{
    public string? Nom { get; set; }
    public string? Telephone { get; set; }
    public string? Email { get; set; }
}

/// <summary>A site of the offer, with the fields sent to the CARIF-OREF.</summary>
public sealed class SiteOffre
{
    public string? Nom { get; set; }
    public string? CodePostal { get; set; }
    public string? Commune { get; set; }
    public string? InformationsComplementaires { get; set; }
    public string? Locaux { get; set; }
    public string? Equipements { get; set; }
    public bool? AccesTransportsCommun { get; set; }
    public string? MoyensTransport { get; set; }
    public bool? AccessibleHandicap { get; set; }
    public string? AccessibiliteDetail { get; set; }
    public bool? Hebergement { get; set; }
    public string? Restauration { get; set; }
}

public sealed class BlocCompetences
{
    public string? Numero { get; set; }
    public string? Intitule { get; set; }
}

public sealed class ModuleFormation
{
    public string? Numero { get; set; }
    public string? Intitule { get; set; }
    public string? Bloc { get; set; }
    public string? DateDebut { get; set; }
    public string? DateFin { get; set; }
    public string? VolumeHoraire { get; set; }
    public string? Contenu { get; set; }
}

/// <summary>A composante (a training action) numbered by the bidder, with its modules and competence blocks.</summary>
public sealed class Composante
{
    public string? Numero { get; set; }
    public string? Intitule { get; set; }
    public string? DateDebut { get; set; }
    public string? DateFin { get; set; }
    public string? VolumeHoraire { get; set; }
    public string? Effectif { get; set; }
    public string? Formacode { get; set; }
    public string? Rncp { get; set; }
    public string? Certifinfo { get; set; }
    public string? Nsf { get; set; }
    public string? Rome { get; set; }
    public string? Prerequis { get; set; }
    public string? Objectifs { get; set; }
    public string? ModalitesRecrutement { get; set; }
    public string? ModalitesPedagogiques { get; set; }
    public string? ResultatsAttendus { get; set; }
    public string? Contenu { get; set; }

    /// <summary>Rythme de la formation (temps plein, temps partiel, jours et horaires): LHÉO requires it.</summary>
    public string? Rythme { get; set; }
    public List<BlocCompetences> Blocs { get; set; } = [];
    public List<ModuleFormation> Modules { get; set; } = [new()];
}

/// <summary>Onglet « Prix »: the unit price in the lot's unit of work and what it is made of.</summary>
public sealed class Prix
{
    public string? PrixUnitaireHt { get; set; }
    public string? FraisPedagogiques { get; set; }
    public string? FraisIngenierie { get; set; }
    public string? FraisStructure { get; set; }
    public string? AutresFrais { get; set; }
    public string? Commentaire { get; set; }
}

/// <summary>What the five tabs of an offer hold. Stored sealed (encrypted) in the response's events.</summary>
public sealed class DonneesOffre
{
    public Caracteristiques Offre { get; set; } = new();
    public Prestataires Prestataires { get; set; } = new();
    public List<SiteOffre> Sites { get; set; } = [];
    public ReferentHandicap ReferentHandicap { get; set; } = new();
    public List<Composante> Composantes { get; set; } = [new()];
    public Prix Prix { get; set; } = new();
}
