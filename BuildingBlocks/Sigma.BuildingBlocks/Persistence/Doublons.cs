using JasperFx;
using Npgsql;

namespace Sigma.BuildingBlocks.Persistence;

/// <summary>The one check of "a concurrent insert won": a save that failed on a unique key, for every module.</summary>
public static class Doublons
{
    /// <summary>
    /// Whether a save failed because a row with the same key exists: a unique index (whose name contains
    /// <paramref name="contrainte"/>, when given) or a document inserted twice.
    /// </summary>
    public static bool EstDoublon(Exception? ex, string? contrainte = null)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                    when contrainte is null || (pg.ConstraintName ?? pg.MessageText).Contains(contrainte, StringComparison.OrdinalIgnoreCase):
                case DocumentAlreadyExistsException when contrainte is null:
                    return true;
            }
        }
        return false;
    }
}
