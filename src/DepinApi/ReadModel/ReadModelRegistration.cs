using DepinApi.Database;

namespace DepinApi.ReadModel;

public static class ReadModelRegistration
{
    /// <summary>Registers <see cref="ReadSessionFactory"/> over the reader data source, behind the <see cref="FairSessionGate"/>.</summary>
    public static IServiceCollection AddReadModel(this IServiceCollection services) =>
        services.AddSingleton<FairSessionGate>().AddSingleton<ReadSessionFactory>();
}
