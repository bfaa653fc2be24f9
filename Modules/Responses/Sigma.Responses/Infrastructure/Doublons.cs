using Npgsql;

namespace Sigma.Responses.Infrastructure;

internal static class Doublons
{
    /// <summary>Whether a save failed because a row with the same key exists (a concurrent insert won).</summary>
    public static bool EstDoublon(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } || ex.GetType().Name == "DocumentAlreadyExistsException")
            {
                return true;
            }
        }
        return false;
    }
}
