using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DepinApi.Redis;

/// <summary>The one connection to the optional shared Redis, used by the rate limiter and the output cache.</summary>
public static class RedisRegistration
{
    /// <summary>The Redis connection string, or null when the service runs without Redis.</summary>
    public static string? ConnectionString(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(RedisOptions.ConnectionStringName);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>
    /// Binds the "Redis" section and, when <c>ConnectionStrings:Redis</c> is set, registers a shared
    /// <see cref="IConnectionMultiplexer"/>, once however many features call this (the rate limiter and the output
    /// cache both do). Returns whether Redis is configured.
    /// </summary>
    public static bool AddSharedRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        if (services.Any(d => d.ServiceType == typeof(Registered)))
            return connectionString is not null;
        services.AddSingleton<Registered>();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section)
            .Validate(o => o.TimeoutMilliseconds > 0 && o.ConnectTimeoutMilliseconds > 0,
                "Redis:TimeoutMilliseconds and Redis:ConnectTimeoutMilliseconds must be positive.")
            .ValidateOnStart();
        if (connectionString is null)
            return false;
        AddMultiplexer(services, connectionString);
        return true;
    }

    // A method of its own, so that a server without Redis never loads StackExchange.Redis: the assembly is loaded
    // when a method that names its types is compiled, and only this one does.
    private static void AddMultiplexer(IServiceCollection services, string connectionString) =>
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
            var config = ConfigurationOptions.Parse(connectionString);
            // Start and keep running while Redis is away: every user of it has a way to do without, and the
            // multiplexer reconnects in the background when Redis is back.
            config.AbortOnConnectFail = false;
            config.ConnectTimeout = options.ConnectTimeoutMilliseconds;
            config.SyncTimeout = options.TimeoutMilliseconds;
            config.AsyncTimeout = options.TimeoutMilliseconds;
            return ConnectionMultiplexer.Connect(config);
        });

    /// <summary>Marks the registration as done, so a second caller adds nothing.</summary>
    private sealed class Registered;
}
