namespace Sigma.BuildingBlocks.Web;

/// <summary>
/// The pages one module's screens link to in another module, named once here: no module writes another module's
/// routes (an architecture test checks it). Inside a module, links come from ASP.NET Core link generation or its own
/// routes; in mails, from the integration event's <c>LienPage</c>.
/// </summary>
public static class PagesSigma
{
    /// <summary>The Host's pages (home and help), which no module serves.</summary>
    public const string Accueil = "/";

    public const string Aide = "/aide";

    public const string AssistanceTelephonique = "/aide/assistance";

    public const string Connexion = "/connexion";

    public const string Consultations = "/consultations";

    public static string Consultation(Guid id) => $"/consultations/{id}";

    /// <summary>Sign in, then come back to the consultation.</summary>
    public static string ConnexionPuisConsultation(Guid id) => $"{Connexion}?retour={Consultation(id)}";

    /// <summary>« Répondre à la consultation » (a POST of the consultation's id).</summary>
    public const string CommencerReponse = "/reponses/commencer";

    /// <summary>« Vérifier la signature » (Signature), where anyone checks a PDF's signatures and seal.</summary>
    public const string VerifierSignature = "/signature/verifier";

    /// <summary>The back-office page of a consultation (Consultations).</summary>
    public static string BackOfficeConsultation(Guid id) => $"/back-office/consultations/{id}";

    /// <summary>The opening of a consultation's plis, their reading and the award (Responses).</summary>
    public static string OuverturePlis(Guid consultationId) => $"/back-office/ouvertures/{consultationId}";

    /// <summary>The publication of a consultation's awarded offers to the CARIF-OREF and its contracts' essential data (Publication).</summary>
    public static string Publications(Guid consultationId) => $"/back-office/publications/{consultationId}";
}
