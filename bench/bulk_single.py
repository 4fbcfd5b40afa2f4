"""Baseline: the documented Python `requests` call, one message at a time
through /send/single, for the first N rows of the bench CSV."""
import csv
import sys

import requests

url, key, path, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
sent = 0
with open(path, newline="") as f:
    for i, row in enumerate(csv.DictReader(f)):
        if i == limit:
            break
        text = f"Hi {row['first_name']}, your code is {row['code']}. Reply STOP to opt out"
        body = {"originator": "Shop", "recipient": row["recipient"], "body": text,
                "routeId": "mglobal", "reference": f"py-{i + 1}"}
        r = requests.post(f"{url}/send/single", json=body, headers=headers)
        r.raise_for_status()
        sent += 1
print(sent)
