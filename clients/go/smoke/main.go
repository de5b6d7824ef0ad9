// Smoke test of the Go client generated from openapi.yaml (`make languages`): against memsy.local it checks
// health, ingest, status, search, that a 401 body decodes into ErrorResponse, and that every documented error shape
// (the contract's examples, passed in MEMSY_ERROR_EXAMPLES) does too. Exits non-zero on failure.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	memsy "memsy.io/sdk/memsy-go"
)

func check(ok bool, format string, args ...interface{}) {
	if !ok {
		fmt.Fprintf(os.Stderr, "go smoke: "+format+"\n", args...)
		os.Exit(1)
	}
}

func main() {
	base, err := url.Parse(os.Getenv("MEMSY_BASE_URL"))
	check(err == nil && base.Port() != "", "MEMSY_BASE_URL is not set to memsy.local")
	client := memsy.NewAPIClient(memsy.NewConfiguration())
	// The contract's second server is memsy.local: its `host` and `port` variables pick the instance.
	ctx := context.WithValue(context.Background(), memsy.ContextServerIndex, 1)
	ctx = context.WithValue(ctx, memsy.ContextServerVariables, map[string]string{"host": base.Hostname(), "port": base.Port()})
	authed := context.WithValue(ctx, memsy.ContextAccessToken, os.Getenv("MEMSY_API_KEY"))

	health, _, err := client.HealthAPI.GetHealth(authed).Execute()
	check(err == nil && health.GetStatus() == "ok", "health: %v", err)
	fmt.Printf("health %s\n", health.GetStatus())

	events := []memsy.EventPayload{
		*memsy.NewEventPayload("go-user", "go-1", memsy.EVENTKIND_USER_MESSAGE, "I prefer window seats on trains."),
		*memsy.NewEventPayload("go-user", "go-1", memsy.EVENTKIND_ASSISTANT_MESSAGE, "Window seat it is."),
	}
	ingested, _, err := client.EventsAPI.IngestEvents(authed).IngestRequest(*memsy.NewIngestRequest(events)).Execute()
	check(err == nil && len(ingested.GetEventIds()) == len(events), "ingest: %v", err)
	ids := ingested.GetEventIds()
	fmt.Printf("ingested %d events\n", len(ids))

	pending := len(ids)
	for attempt := 0; attempt < 400 && pending > 0; attempt++ {
		status, _, err := client.EventsAPI.GetEventStatus(authed).StatusRequest(*memsy.NewStatusRequest(ids)).Execute()
		check(err == nil, "status: %v", err)
		pending = len(status.GetPendingIds())
		if pending > 0 {
			time.Sleep(25 * time.Millisecond)
		}
	}
	check(pending == 0, "events still pending")
	fmt.Println("all events processed")

	search := memsy.NewSearchRequest("window seats")
	search.SetActorId("go-user")
	search.SetLimit(5)
	found, _, err := client.SearchAPI.SearchMemories(authed).SearchRequest(*search).Execute()
	check(err == nil && len(found.GetResults()) > 0, "search found nothing: %v", err)
	for _, result := range found.GetResults() {
		fmt.Printf("%.2f  %s\n", result.GetScore(), result.GetContent())
	}

	badKey := context.WithValue(ctx, memsy.ContextAccessToken, "msy_00000000000000000000000000000000")
	_, response, err := client.SearchAPI.SearchMemories(badKey).SearchRequest(*search).Execute()
	var apiError *memsy.GenericOpenAPIError
	check(err != nil && errors.As(err, &apiError) && response != nil && response.StatusCode == 401, "a wrong key must be refused: %v", err)
	body, ok := apiError.Model().(memsy.ErrorResponse)
	check(ok, "the 401 body did not decode into ErrorResponse: %T %s", apiError.Model(), apiError.Body())
	check(body.Detail != nil && body.Detail.String != nil && *body.Detail.String != "", "ErrorResponse.detail is not a message: %s", apiError.Body())
	fmt.Printf("401 decoded into ErrorResponse: detail %q\n", *body.Detail.String)

	var shapes []json.RawMessage
	check(json.Unmarshal([]byte(os.Getenv("MEMSY_ERROR_EXAMPLES")), &shapes) == nil && len(shapes) >= 5, "the contract documents every error shape as an example")
	for _, shape := range shapes {
		var decoded memsy.ErrorResponse
		check(json.Unmarshal(shape, &decoded) == nil && describe(decoded) != "", "documented shape not read: %s", shape)
	}
	fmt.Printf("%d documented error shapes decoded into ErrorResponse\n", len(shapes))
	fmt.Println("Go client OK")
}

// describe says what an error body says, whichever documented shape it has.
func describe(body memsy.ErrorResponse) string {
	if detail := body.Detail; detail != nil {
		switch {
		case detail.String != nil:
			return *detail.String
		case detail.ErrorInfo != nil:
			return detail.ErrorInfo.GetError() + ": " + detail.ErrorInfo.GetMessage()
		case detail.ArrayOfValidationIssue != nil && len(*detail.ArrayOfValidationIssue) > 0:
			return (*detail.ArrayOfValidationIssue)[0].GetMsg()
		}
	}
	if body.Error != nil {
		return body.GetError() + ": " + body.GetMessage()
	}
	return body.GetMessage()
}
