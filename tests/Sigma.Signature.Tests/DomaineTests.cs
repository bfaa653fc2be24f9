using Sigma.Signature.Domain;

namespace Sigma.Signature.Tests;

public class DomaineTests
{
    private static readonly DateTimeOffset Heure = new(2026, 3, 15, 14, 30, 22, TimeSpan.FromHours(1));

    [Fact]
    public void A_signed_pdf_keeps_the_name_and_ends_with_date_time_and_signature_number() =>
        NomFichierSigne.Pdf("Acte d'engagement.pdf", Heure, 0).ShouldBe("Acte d'engagement - 20260315 143022 - Signature 1.pdf");

    [Fact]
    public void A_pdf_signed_again_takes_the_next_number_without_piling_up_suffixes() =>
        NomFichierSigne.Pdf("Acte d'engagement - 20260315 143022 - Signature 1.pdf", Heure.AddDays(1), 1)
            .ShouldBe("Acte d'engagement - 20260316 143022 - Signature 2.pdf");

    [Fact]
    public void A_browser_path_is_reduced_to_the_file_name() =>
        NomFichierSigne.Detachee(@"C:\Users\offre\memoire.docx", Heure).ShouldBe("memoire.docx - 20260315 143022 - Signature 1.p7s");

    [Fact]
    public void An_integrity_failure_outweighs_a_missing_trust_chain()
    {
        var (verdict, motif) = PolitiqueValidation.Conclure([
            Controle.Echec("chaine", "Chaîne de confiance", "aucune racine", Verdict.Indeterminee),
            Controle.Echec("empreinte", "Intégrité", "modifié"),
        ]);
        verdict.ShouldBe(Verdict.Invalide);
        motif.ShouldBe("Intégrité : modifié");
    }

    [Fact]
    public void Warnings_and_unchecked_revocation_leave_the_signature_valid() =>
        PolitiqueValidation.Conclure([
            Controle.Avertissement("usage", "Usage", "pas de non-répudiation"),
            Controle.NonVerifie("revocation", "Révocation", "hors ligne"),
        ]).Verdict.ShouldBe(Verdict.Valide);
}
