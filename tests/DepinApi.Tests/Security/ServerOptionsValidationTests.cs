using DepinApi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DepinApi.Tests.Security;

/// <summary>Connection settings that would leave no connection to keep free, or shed every one, refuse to start.</summary>
public sealed class ServerOptionsValidationTests
{
    [Theory]
    [InlineData("40", "40", null)]
    [InlineData("40", "64", null)]
    [InlineData("2048", "64", "0")]
    [InlineData("2048", "-1", null)]
    public void Connection_settings_out_of_range_are_refused(string maxConnections, string keptFree, string? keepAlive)
    {
        var options = Resolve(maxConnections, keptFree, keepAlive);
        Assert.Throws<OptionsValidationException>(() => options.Value);
    }

    [Fact]
    public void The_defaults_and_a_small_server_pass()
    {
        Assert.Equal(64, Resolve(null, null, null).Value.ConnectionsKeptFree);
        Assert.Equal(4, Resolve("40", "4", "5").Value.ConnectionsKeptFree);
    }

    private static IOptions<ServerOptions> Resolve(string? maxConnections, string? keptFree, string? keepAlive)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Server:MaxConnections"] = maxConnections;
        builder.Configuration["Server:ConnectionsKeptFree"] = keptFree;
        builder.Configuration["Server:KeepAliveTimeoutSeconds"] = keepAlive;
        builder.AddDepinSecurity();
        return builder.Services.BuildServiceProvider().GetRequiredService<IOptions<ServerOptions>>();
    }
}
