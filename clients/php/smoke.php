<?php
// Smoke test of the PHP client generated from openapi.yaml (`make languages`): against memsy.local it checks health,
// ingest, status, search, and that error bodies decode into their types. Runs on Debian's PHP with Debian's guzzle
// (php-guzzlehttp-guzzle); the generated classes load through a small PSR-4 autoloader. Exits non-zero on failure.
declare(strict_types=1);

require '/usr/share/php/GuzzleHttp/autoload.php';
require '/usr/share/php/GuzzleHttp/Psr7/autoload.php';
require '/usr/share/php/GuzzleHttp/Promise/autoload.php';

$clientDir = getenv('MEMSY_PHP_CLIENT') ?: die("MEMSY_PHP_CLIENT is not set\n");
spl_autoload_register(function (string $class) use ($clientDir): void {
    $prefix = 'Memsy\\Api\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = $clientDir . '/lib/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

use Memsy\Api\ApiException;
use Memsy\Api\Api\EventsApi;
use Memsy\Api\Api\HealthApi;
use Memsy\Api\Api\SearchApi;
use Memsy\Api\Configuration;
use Memsy\Api\Model;

function check(bool $condition, string $message): void
{
    if (!$condition) {
        fwrite(STDERR, "php smoke: $message\n");
        exit(1);
    }
}

$base = parse_url(getenv('MEMSY_BASE_URL') ?: '');
check(isset($base['host'], $base['port']), 'MEMSY_BASE_URL is not set to memsy.local');
$config = new Configuration();
$config->setAccessToken(getenv('MEMSY_API_KEY'));
// The contract's second server is memsy.local: its `host` and `port` variables pick the instance.
$config->setHost($config->getHostFromSettings(1, ['host' => $base['host'], 'port' => (string) $base['port']]));
$http = new GuzzleHttp\Client();

$health = (new HealthApi($http, $config))->getHealth();
check($health->getStatus() === 'ok', 'health: ' . $health->getStatus());
echo "health {$health->getStatus()}\n";

$events = new EventsApi($http, $config);
$batch = [
    new Model\EventPayload(['actor_id' => 'php-user', 'session_id' => 'php-1', 'kind' => Model\EventKind::USER_MESSAGE,
        'content' => 'I prefer window seats on trains.']),
    new Model\EventPayload(['actor_id' => 'php-user', 'session_id' => 'php-1', 'kind' => Model\EventKind::ASSISTANT_MESSAGE,
        'content' => 'Window seat it is.']),
];
$ids = $events->ingestEvents(new Model\IngestRequest(['events' => $batch]))->getEventIds();
check(count($ids) === count($batch), 'one id per event');
echo 'ingested ' . count($ids) . " events\n";

$pending = count($ids);
for ($attempt = 0; $attempt < 400 && $pending > 0; $attempt++) {
    $pending = count($events->getEventStatus(new Model\StatusRequest(['event_ids' => $ids]))->getPendingIds());
    if ($pending > 0) {
        usleep(25000);
    }
}
check($pending === 0, 'events still pending');
echo "all events processed\n";

$search = new SearchApi($http, $config);
$results = $search->searchMemories(new Model\SearchRequest(['query' => 'window seats', 'actor_id' => 'php-user', 'limit' => 5]))->getResults();
check(count($results) > 0, 'search found nothing');
foreach ($results as $result) {
    printf("%.2f  %s\n", $result->getScore(), $result->getContent());
}

// An error body decoded into its type: a read-only key may not ingest, and the 403 says why in the flat shape
// (`error`, `required_scope`). PHP's generator folds ErrorResponse.detail (string | ErrorInfo | list) into ErrorInfo's
// fields, so a *string* detail reads as empty here; getResponseBody() keeps the raw text.
$created = (new Memsy\Api\Api\KeysApi($http, $config))->createKey(
    new Model\CreateKeyRequest(['name' => 'php read-only', 'scopes' => [Model\KeyScope::READ]])
);
$readOnly = clone $config;
$readOnly->setAccessToken($created->getRawKey());
try {
    (new EventsApi($http, $readOnly))->ingestEvents(new Model\IngestRequest(['events' => $batch]));
    check(false, 'a read-only key must not ingest');
} catch (ApiException $error) {
    check($error->getCode() === 403, 'expected 403, got ' . $error->getCode());
    $body = $error->getResponseObject();
    check($body instanceof Model\ErrorResponse, '403 body not decoded into ErrorResponse: ' . $error->getResponseBody());
    check($body->getError() === 'insufficient_scope' && $body->getRequiredScope() === 'write', 'unexpected 403: ' . $error->getResponseBody());
    echo "403 decoded into ErrorResponse: {$body->getError()}, required scope {$body->getRequiredScope()}\n";
}
echo "PHP client OK\n";
