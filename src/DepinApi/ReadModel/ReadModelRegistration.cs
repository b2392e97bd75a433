namespace DepinApi.ReadModel;

public static class ReadModelRegistration
{
    /// <summary>Registers <see cref="ReadSessionFactory"/> over the reader data source.</summary>
    public static IServiceCollection AddReadModel(this IServiceCollection services) =>
        services.AddSingleton<ReadSessionFactory>();
}
